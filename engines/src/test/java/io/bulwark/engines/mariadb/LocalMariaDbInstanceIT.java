package io.bulwark.engines.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engines.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMariaDbInstanceIT {

    private final ProcessRunner runner = new ProcessRunner();

    @TempDir
    Path work;

    @BeforeEach
    void traversableByTheServerUser() throws Exception {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
    }

    @Test
    void startsQuicklyWithARandomSuperuserAndRemovesEverythingOnClose() throws Exception {
        Path dir;
        long pid;
        try (LocalMariaDbInstance db =
                LocalMariaDbInstance.start(work, LocalMariaDbInstance.Options.sandbox(), runner)) {
            dir = db.directory();
            pid = db.pid();
            System.out.printf("LocalMariaDbInstance %s started in %d ms%n", db.serverVersion(), db.startMillis());
            assertThat(db.serverVersion()).contains("MariaDB");
            assertThat(db.password()).hasSize(48);
            assertThat(dir.resolve("init.sql"))
                    .as("the password file is gone once the server is up")
                    .doesNotExist();

            db.createDatabase("sandbox");
            try (Connection c = db.connect("sandbox");
                    Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (id INT PRIMARY KEY)");
                st.execute("INSERT INTO t VALUES (1), (2)");
                assertThat(new MariaDbInspector().countRows(c, "sandbox", "t")).isEqualTo(2);
                var rs = st.executeQuery("SELECT @@event_scheduler, @@log_bin, @@bind_address, @@secure_file_priv,"
                        + " @@local_infile, @@have_symlink");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("OFF");
                assertThat(rs.getBoolean(2)).isFalse();
                assertThat(rs.getString(3)).isEqualTo("127.0.0.1");
                assertThat(Path.of(rs.getString(4))).isEqualTo(dir.resolve("files"));
                assertThat(rs.getBoolean(5)).isFalse();
                assertThat(rs.getString(6)).isEqualTo("DISABLED");
                var accounts = st.executeQuery("SELECT User FROM mysql.global_priv ORDER BY User");
                java.util.List<String> users = new java.util.ArrayList<>();
                while (accounts.next()) {
                    users.add(accounts.getString(1));
                }
                assertThat(users)
                        .as("no root, no account of a known name but the restore account")
                        .containsExactlyInAnyOrder(db.username(), LocalMariaDbInstance.RESTORE_USER, "mariadb.sys");
            }
            assertThat(db.username()).startsWith("bulwark_su_").hasSize("bulwark_su_".length() + 16);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data"))))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                    .isEqualTo("rwx------");
            try (Connection c = MariaDbClient.connect(db.restoreSpec("sandbox"));
                    Statement st = c.createStatement()) {
                st.execute("CREATE TABLE r (id INT PRIMARY KEY)");
                var grants = st.executeQuery("SHOW GRANTS");
                StringBuilder all = new StringBuilder();
                while (grants.next()) {
                    all.append(grants.getString(1)).append('\n');
                }
                assertThat(all.toString())
                        .contains("GRANT USAGE ON *.*")
                        .contains("GRANT ALL PRIVILEGES ON `sandbox`.*")
                        .doesNotContain("FILE")
                        .doesNotContain("SUPER");
            }
            String commandLine =
                    ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("");
            assertThat(commandLine).contains("mariadbd").doesNotContain(db.password());
            var wrong = new io.bulwark.engines.ConnectionSpec(db.host(), db.port(), "sandbox", db.username(), "nope");
            assertThatThrownBy(() -> MariaDbClient.connect(wrong).close())
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(1045));
            var noPassword = new io.bulwark.engines.ConnectionSpec(db.host(), db.port(), "sandbox", "root", null);
            assertThatThrownBy(() -> MariaDbClient.connect(noPassword).close()).isInstanceOf(SQLException.class);
            var rootWithPassword =
                    new io.bulwark.engines.ConnectionSpec(db.host(), db.port(), "sandbox", "root", db.password());
            assertThatThrownBy(() -> MariaDbClient.connect(rootWithPassword).close())
                    .isInstanceOf(SQLException.class);
        }
        assertThat(dir).doesNotExist();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    @Test
    void reapsTheInstanceOfAJvmThatDiedButNotOneOfALiveJvm() throws Exception {
        LocalMariaDbInstance orphan = LocalMariaDbInstance.start(work, LocalMariaDbInstance.Options.sandbox(), runner);
        try (LocalMariaDbInstance alive =
                LocalMariaDbInstance.start(work, LocalMariaDbInstance.Options.sandbox(), runner)) {
            long gone;
            try (ProcessRunner.RunningProcess exited =
                    runner.start(ProcessRunner.Command.of(Duration.ofSeconds(10), "true"))) {
                exited.waitFor();
                gone = exited.pid();
            }
            Files.writeString(orphan.directory().resolve("owner.pid"), Long.toString(gone));

            assertThat(LocalMariaDbInstance.reapOrphans(work)).isEqualTo(1);

            assertThat(orphan.directory()).doesNotExist();
            assertThat(ProcessHandle.of(orphan.pid()).map(ProcessHandle::isAlive))
                    .isNotEqualTo(java.util.Optional.of(true));
            assertThat(alive.directory()).exists();
            try (Connection c = alive.connect("mysql")) {
                assertThat(c.isValid(5)).isTrue();
            }
        } finally {
            orphan.close();
        }
    }

    @Test
    void refusesADirectoryTheServerUserCannotReach() throws Exception {
        if (!io.bulwark.engines.process.LocalServers.runningAsRoot()) {
            return;
        }
        Path closed = Files.createDirectory(work.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        assertThatThrownBy(() -> LocalMariaDbInstance.start(
                                closed.resolve("inner"), LocalMariaDbInstance.Options.sandbox(), runner)
                        .close())
                .isInstanceOf(LocalMariaDbException.class)
                .hasMessageContaining("not traversable by OS user bulwark-sandbox");
        try (var entries = Files.list(closed.resolve("inner"))) {
            assertThat(entries).as("nothing left behind").isEmpty();
        }
    }
}
