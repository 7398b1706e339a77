package io.bulwark.engines.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DumpFailedException;
import io.bulwark.engines.DumpOptions;
import io.bulwark.engines.process.ProcessRunner;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The least privileges of a backup account, found on MariaDB 10.11: the grants of {@link #grants}
 * dump a database with a view, a sequence, a trigger, a procedure, a function and an event completely,
 * and the inventory sees all of it; without any one of them the dump fails as PERMISSION_DENIED
 * naming the missing privilege (never silently incomplete).
 */
class MariaDbLeastPrivilegeIT {

    private final MariaDbDumpTool tool = new MariaDbDumpTool(new ProcessRunner());
    private final List<String> users = new ArrayList<>();
    private String database;

    @BeforeEach
    void createDatabase() throws Exception {
        database = MariaDbTestServer.createDatabase("bulwark_lp");
        MariaDbTestServer.execute(MariaDbTestServer.admin(database), MariaDbDumpToolIT.RICH_SCHEMA);
    }

    @AfterEach
    void dropAll() throws Exception {
        for (String user : users) {
            MariaDbTestServer.dropUser(user);
        }
        MariaDbTestServer.execute(MariaDbTestServer.ADMIN, "DROP ROLE IF EXISTS bulwark_lp_role");
        MariaDbTestServer.dropDatabase(database);
    }

    /** The least-privilege grants, as documented on {@link MariaDbDumpTool}. */
    private List<String> grants() {
        return List.of(
                "GRANT SELECT, SHOW VIEW, TRIGGER, EVENT ON `" + database + "`.*", "GRANT SELECT ON `mysql`.`proc`");
    }

    @Test
    void theLeastPrivilegesDumpEverythingAndTheInventorySeesIt() throws Exception {
        ConnectionSpec backup = user(grants().toArray(String[]::new));

        SchemaInventory dumped = dump(backup);

        try (Connection root = MariaDbTestServer.connect(MariaDbTestServer.admin(database))) {
            assertThat(dumped).isEqualTo(new MariaDbInspector().inventory(root, database));
        }
        assertThat(dumped.triggers()).isNotEmpty();
        assertThat(dumped.functions()).hasSize(2);
        assertThat(dumped.events()).hasSize(1);
        assertThat(dumped.views()).hasSize(1);
    }

    @Test
    void withoutShowViewTheDumpFailsNamingIt() throws Exception {
        assertDeniedNaming(
                user("GRANT SELECT, TRIGGER, EVENT ON `" + database + "`.*", "GRANT SELECT ON `mysql`.`proc`"),
                "SHOW VIEW");
    }

    @Test
    void withoutTriggerTheDumpIsRefusedInsteadOfSilentlyMissingTriggers() throws Exception {
        assertDeniedNaming(
                user("GRANT SELECT, SHOW VIEW, EVENT ON `" + database + "`.*", "GRANT SELECT ON `mysql`.`proc`"),
                "TRIGGER");
    }

    @Test
    void withoutEventTheDumpFailsNamingIt() throws Exception {
        assertDeniedNaming(
                user("GRANT SELECT, SHOW VIEW, TRIGGER ON `" + database + "`.*", "GRANT SELECT ON `mysql`.`proc`"),
                "EVENT");
    }

    @Test
    void withoutMysqlProcTheDumpIsRefusedInsteadOfSilentlyMissingRoutines() throws Exception {
        assertDeniedNaming(user("GRANT SELECT, SHOW VIEW, TRIGGER, EVENT ON `" + database + "`.*"), "`mysql`.`proc`");
    }

    @Test
    void withoutSelectTheDumpFailsNamingIt() throws Exception {
        assertDeniedNaming(
                user("GRANT SHOW VIEW, TRIGGER, EVENT ON `" + database + "`.*", "GRANT SELECT ON `mysql`.`proc`"),
                "SELECT");
    }

    @Test
    void privilegesThroughTheDefaultRoleCount() throws Exception {
        MariaDbTestServer.execute(MariaDbTestServer.ADMIN, "CREATE ROLE bulwark_lp_role");
        for (String grant : grants()) {
            MariaDbTestServer.execute(MariaDbTestServer.ADMIN, grant + " TO bulwark_lp_role");
        }
        ConnectionSpec backup = user("GRANT bulwark_lp_role");
        MariaDbTestServer.execute(
                MariaDbTestServer.ADMIN, "SET DEFAULT ROLE bulwark_lp_role FOR '" + backup.username() + "'@'%'");

        assertThat(dump(backup).triggers()).isNotEmpty();
    }

    private void assertDeniedNaming(ConnectionSpec backup, String privilege) {
        assertThatThrownBy(() -> dump(backup)).isInstanceOfSatisfying(DumpFailedException.class, e -> {
            assertThat(e.reason()).isEqualTo(FailureReason.PERMISSION_DENIED);
            assertThat(e.getMessage())
                    .startsWith("permission denied: the backup user lacks")
                    .contains(privilege)
                    .doesNotContain(backup.password());
        });
    }

    private SchemaInventory dump(ConnectionSpec spec) throws Exception {
        try (MariaDbDumpSession session = tool.open(spec, DumpOptions.everything(Duration.ofMinutes(2)))) {
            try (InputStream out = session.stdout()) {
                out.transferTo(OutputStream.nullOutputStream());
            }
            session.awaitSuccess();
            return session.inventory();
        }
    }

    private ConnectionSpec user(String... grants) throws Exception {
        String user = MariaDbTestServer.uniqueName("lp");
        String password = MariaDbTestServer.trickyPassword();
        MariaDbTestServer.createUser(user, password, grants);
        users.add(user);
        return new ConnectionSpec("127.0.0.1", 3306, database, user, password);
    }
}
