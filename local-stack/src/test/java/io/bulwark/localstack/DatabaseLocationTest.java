package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.localstack.DatabaseLocation.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseLocationTest {

    @Test
    void readsAPostgresqlUrlAsToday() {
        DatabaseLocation l = DatabaseLocation.parse("postgresql://app:s%40cret@db.example:6543/sales");

        assertThat(l).isEqualTo(new DatabaseLocation(Engine.POSTGRESQL, "db.example", 6543, "sales", "app", "s@cret"));
        assertThat(DatabaseLocation.parse("postgres://h/d"))
                .isEqualTo(new DatabaseLocation(Engine.POSTGRESQL, "h", 5432, "d", "postgres", null));
    }

    @Test
    void readsAMysqlUrlWithPercentEncodedUserAndPassword() {
        DatabaseLocation l = DatabaseLocation.parse("mysql://back%20up:p%3Aw%2Fd+1@maria.internal:3307/shop");

        assertThat(l.engine()).isEqualTo(Engine.MARIADB);
        assertThat(l.host()).isEqualTo("maria.internal");
        assertThat(l.port()).isEqualTo(3307);
        assertThat(l.database()).isEqualTo("shop");
        assertThat(l.username()).isEqualTo("back up");
        assertThat(l.password()).isEqualTo("p:w/d+1");
    }

    @Test
    void readsAMariadbUrlWithTheDefaultPortAndNoPassword() {
        DatabaseLocation l = DatabaseLocation.parse("MariaDB://backup@127.0.0.1/inventory");

        assertThat(l).isEqualTo(new DatabaseLocation(Engine.MARIADB, "127.0.0.1", 3306, "inventory", "backup", null));
        assertThat(l.displayUrl()).isEqualTo("mariadb://127.0.0.1:3306/inventory (as backup)");
    }

    @Test
    void readsJdbcUrlsOfBothEnginesWithUserAndPasswordParameters() {
        assertThat(DatabaseLocation.parse("jdbc:mariadb://h:3310/db?user=u&password=p%26q"))
                .isEqualTo(new DatabaseLocation(Engine.MARIADB, "h", 3310, "db", "u", "p&q"));
        assertThat(DatabaseLocation.parse("jdbc:postgresql://h/db?user=u"))
                .isEqualTo(new DatabaseLocation(Engine.POSTGRESQL, "h", 5432, "db", "u", null));
    }

    @Test
    void mapsEverySchemeToItsEngine() {
        assertThat(Engine.forScheme("postgresql")).contains(Engine.POSTGRESQL);
        assertThat(Engine.forScheme("POSTGRES")).contains(Engine.POSTGRESQL);
        assertThat(Engine.forScheme("mysql")).contains(Engine.MARIADB);
        assertThat(Engine.forScheme("mariadb")).contains(Engine.MARIADB);
        assertThat(Engine.forScheme("oracle")).isEmpty();
        assertThat(Engine.MARIADB.configName()).isEqualTo("mariadb");
        assertThat(Engine.POSTGRESQL.configName()).isEqualTo("postgresql");
    }

    @Test
    void rejectsAMysqlUrlWithoutUserNamingIt() {
        assertThatThrownBy(() -> DatabaseLocation.parse("mysql://db.internal/shop"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MySQL/MariaDB URL: user is missing (…://user[:password]@host…)");
        assertThatThrownBy(() -> DatabaseLocation.parse("mysql://:only-a-password@db.internal/shop"))
                .hasMessageContaining("user is missing")
                .hasMessageNotContaining("only-a-password");
    }

    @Test
    void rejectsAUrlWithoutDatabaseNamingTheEngine() {
        assertThatThrownBy(() -> DatabaseLocation.parse("mariadb://u:pw@host:3306"))
                .hasMessage("MySQL/MariaDB URL: database name is missing (…/dbname)");
        assertThatThrownBy(() -> DatabaseLocation.parse("postgresql://u:pw@host:5432/"))
                .hasMessage("PostgreSQL URL: database name is missing (…/dbname)");
    }

    @Test
    void rejectsAnUnknownSchemeNamingItAndTheSupportedForms() {
        assertThatThrownBy(() -> DatabaseLocation.parse("oracle://u:Secret1@h/db"))
                .hasMessageContaining("'oracle://' is not supported")
                .hasMessageContaining("postgresql://user[:password]@host[:port]/dbname")
                .hasMessageContaining("mysql://user[:password]@host[:port]/dbname")
                .hasMessageNotContaining("Secret1");
        assertThatThrownBy(() -> DatabaseLocation.parse("db.internal:3306/shop"))
                .hasMessageStartingWith("database URL must look like");
        assertThatThrownBy(() -> DatabaseLocation.parse("  ")).hasMessageStartingWith("database URL is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://u:Secret1@h:port/db", "mysql://u:Secret1@:3306/db"})
    void rejectsAnUnreadableHostOrPortWithoutShowingThePassword(String url) {
        assertThatThrownBy(() -> DatabaseLocation.parse(url))
                .hasMessageStartingWith("MySQL/MariaDB URL: cannot read host[:port]")
                .hasMessageNotContaining("Secret1");
    }

    @Test
    void rejectsAPortOutOfRangeAndAnUnencodedSpecialCharacter() {
        assertThatThrownBy(() -> DatabaseLocation.parse("mysql://u@h:70000/db"))
                .hasMessage("MySQL/MariaDB URL: port must be 1..65535 but was 70000");
        assertThatThrownBy(() -> DatabaseLocation.parse("mysql://u:pa ss%@h/db"))
                .hasMessageStartingWith("MySQL/MariaDB URL is not a valid URL (percent-encode")
                .hasMessageNotContaining("pa ss");
    }

    @Test
    void neverShowsThePasswordWhenPrinted() {
        DatabaseLocation l = DatabaseLocation.parse("mysql://app:TopSecret1@h:1/d");

        assertThat(l.toString()).doesNotContain("TopSecret1").isEqualTo("mariadb://h:1/d (as app) (password set)");
    }

    @Test
    void derivesASafeTargetIdFromTheDatabaseName() {
        assertThat(DatabaseLocation.parse("postgresql://h/Sales.DB%202024").derivedTargetId())
                .isEqualTo("sales-db-2024");
        assertThat(DatabaseLocation.parse("mysql://u@h/_stage").derivedTargetId())
                .isEqualTo("stage");
        assertThat(DatabaseLocation.parse("mariadb://u@h/Shop_EU").derivedTargetId())
                .isEqualTo("shop_eu");
        assertThat(DatabaseLocation.parse("postgresql://h/" + "x".repeat(80)).derivedTargetId())
                .hasSize(63);
        assertThat(DatabaseLocation.parse("mysql://u@h/%C3%A9").derivedTargetId())
                .isEqualTo("target");
    }
}
