package io.bulwark.engines.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code SHOW GRANTS} lines as MariaDB 10.11 prints them. */
class MariaDbGrantsTest {

    @Test
    void readsDatabaseTableAndRoleGrants() {
        MariaDbGrants grants = MariaDbGrants.parse(List.of(
                "GRANT `bkrole` TO `bk`@`%`",
                "GRANT USAGE ON *.* TO `bk`@`%` IDENTIFIED BY PASSWORD '*D821809F681A40A6E379B50D0463EFAE20BDD122'",
                "GRANT SELECT, SHOW VIEW, EVENT ON `shop`.* TO `bk`@`%`",
                "GRANT USAGE ON *.* TO `bkrole`",
                "GRANT TRIGGER ON `shop`.* TO `bkrole`",
                "GRANT SELECT ON `mysql`.`proc` TO `bkrole`",
                "SET DEFAULT ROLE `bkrole` FOR `bk`@`%`"));

        assertThat(grants.onDatabase("SELECT", "shop")).isTrue();
        assertThat(grants.onDatabase("SHOW VIEW", "shop")).isTrue();
        assertThat(grants.onDatabase("TRIGGER", "shop")).isTrue();
        assertThat(grants.onDatabase("EVENT", "other")).isFalse();
        assertThat(grants.onTable("SELECT", "mysql", "proc")).isTrue();
        assertThat(grants.onDatabase("SELECT", "mysql")).isFalse();
        assertThat(grants.global("SELECT")).isFalse();
    }

    @Test
    void readsAllPrivilegesOnEverything() {
        MariaDbGrants grants = MariaDbGrants.parse(List.of(
                "GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` IDENTIFIED VIA unix_socket OR"
                        + " mysql_native_password WITH GRANT OPTION",
                "GRANT PROXY ON ``@`%` TO `root`@`localhost` WITH GRANT OPTION"));
        assertThat(grants.global("SELECT")).isTrue();
        assertThat(grants.onDatabase("TRIGGER", "any")).isTrue();
        assertThat(grants.onTable("SELECT", "mysql", "proc")).isTrue();
    }

    @Test
    void matchesDatabaseWildcardsAndEscapedUnderscores() {
        MariaDbGrants grants = MariaDbGrants.parse(
                List.of("GRANT TRIGGER ON `shop\\_%`.* TO `bk`@`%`", "GRANT EVENT ON `s_op`.* TO `bk`@`%`"));
        assertThat(grants.onDatabase("TRIGGER", "shop_eu")).isTrue();
        assertThat(grants.onDatabase("TRIGGER", "shopxeu")).isFalse();
        assertThat(grants.onDatabase("EVENT", "shop")).isTrue();
        assertThat(grants.onDatabase("EVENT", "shoop")).isFalse();
    }

    @Test
    void leavesColumnAndRoutinePrivilegesOut() {
        MariaDbGrants grants = MariaDbGrants.parse(List.of(
                "GRANT SELECT (`a`, `b`), TRIGGER ON `shop`.`t` TO `bk`@`%`",
                "GRANT EXECUTE ON PROCEDURE `shop`.`p` TO `bk`@`%`"));
        assertThat(grants.onTable("SELECT", "shop", "t")).isFalse();
        assertThat(grants.onTable("TRIGGER", "shop", "t")).isTrue();
        assertThat(grants.onTable("TRIGGER", "shop", "u")).isFalse();
        assertThat(grants.onDatabase("TRIGGER", "shop")).isFalse();
        assertThat(grants.grants()).hasSize(1);
    }

    @Test
    void readsMySqlDynamicPrivileges() {
        MariaDbGrants grants = MariaDbGrants.parse(List.of("GRANT SHOW_ROUTINE,BACKUP_ADMIN ON *.* TO `bk`@`%`"));
        assertThat(grants.global("SHOW_ROUTINE")).isTrue();
        assertThat(grants.global("BACKUP_ADMIN")).isTrue();
    }

    @Test
    void readsBacktickedNamesWithDotsAndBackticks() {
        MariaDbGrants grants = MariaDbGrants.parse(List.of("GRANT TRIGGER ON `my.db`.`we``ird.t` TO `bk`@`%`"));
        assertThat(grants.onTable("TRIGGER", "my.db", "we`ird.t")).isTrue();
    }
}
