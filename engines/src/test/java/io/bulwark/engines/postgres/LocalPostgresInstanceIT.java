package io.bulwark.engines.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engines.process.LocalServers;
import io.bulwark.engines.process.ProcessRunner;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresInstanceIT {

    private final ProcessRunner runner = new ProcessRunner();

    @TempDir
    Path work;

    @BeforeEach
    void letThePostgresUserTraverseTheWorkDirectory() throws Exception {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
    }

    @Test
    void sandboxAcceptsItsPasswordCreatesDatabasesAndIsRemovedOnClose() throws Exception {
        Path dataDir;
        long postmaster;
        int port;
        long startedAt = System.nanoTime();
        try (LocalPostgresInstance pg =
                LocalPostgresInstance.startSandbox(work, LocalPostgresInstance.Options.sandbox(), runner)) {
            assertThat((System.nanoTime() - startedAt) / 1_000_000).isLessThan(15_000);
            dataDir = pg.dataDir();
            port = pg.port();
            postmaster = postmasterPid(dataDir).orElseThrow();
            assertThat(dataDir.getParent().getFileName().toString()).startsWith(LocalPostgresInstance.SANDBOX_PREFIX);
            assertThat(pg.host()).isEqualTo("127.0.0.1");
            assertThat(pg.username()).isEqualTo("postgres");
            assertThat(pg.password()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(pg.serverVersion()).matches("\\d+\\.\\d+.*");
            assertThat(pg.jdbcUrl("restore")).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/restore");

            pg.createDatabase("restore");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("restore"), pg.username(), pg.password());
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id int)");
                s.execute("INSERT INTO t SELECT generate_series(1, 10)");
                assertThat(count(s, "SELECT count(*) FROM t")).isEqualTo(10);
                assertThat(count(s, "SELECT count(*) FROM pg_settings WHERE name = 'fsync' AND setting = 'off'"))
                        .isEqualTo(1);
            }
            assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl("restore"), pg.username(), "wrong"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            assertThat(Files.exists(dataDir.resolveSibling("data.password"))).isFalse();
        }
        assertThat(dataDir.getParent()).doesNotExist();
        // gone, or a zombie that init has not reaped yet (it runs no more and holds no port or file)
        assertThat(ProcessHandle.of(postmaster).map(LocalServers::hasExited)).isNotEqualTo(Optional.of(false));
        assertThat(listening(port)).isFalse();
    }

    @Test
    void persistentInstanceKeepsDataAndPasswordAcrossRestarts() throws Exception {
        Path dataDir = work.resolve("pg/data");
        LocalPostgresInstance.Options options = LocalPostgresInstance.Options.persistent();
        String password;
        try (LocalPostgresInstance first = LocalPostgresInstance.start(dataDir, options, runner)) {
            password = first.password();
            try (Connection c = first.connect("postgres");
                    Statement s = c.createStatement()) {
                s.execute("SHOW fsync");
                assertThat(s.getResultSet().next()).isTrue();
                assertThat(s.getResultSet().getString(1)).isEqualTo("on");
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('a'), ('b'), ('c')");
            }
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists();
        Path passwordFile = work.resolve("pg/data.password");
        assertThat(Files.readString(passwordFile)).isEqualTo(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                .isEqualTo("rw-------");

        try (LocalPostgresInstance second = LocalPostgresInstance.start(dataDir, options, runner)) {
            assertThat(second.password()).isEqualTo(password);
            try (Connection c = second.connect("postgres");
                    Statement s = c.createStatement()) {
                assertThat(count(s, "SELECT count(*) FROM kept")).isEqualTo(3);
            }
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists();
        assertThat(postmasterPid(dataDir).flatMap(ProcessHandle::of)).isEmpty();
    }

    @Test
    void persistentDirectoryWithoutPasswordFileIsRefusedWithAClearMessage() {
        Path dataDir = work.resolve("pg/data");
        LocalPostgresInstance.start(dataDir, LocalPostgresInstance.Options.persistent(), runner)
                .close();
        LocalPostgresInstance.deleteTree(work.resolve("pg/data.password"));

        assertThatThrownBy(
                        () -> LocalPostgresInstance.start(dataDir, LocalPostgresInstance.Options.persistent(), runner))
                .isInstanceOf(LocalPostgresException.class)
                .hasMessageContaining("data.password")
                .hasMessageContaining("missing");
    }

    @Test
    void reapsSandboxesWhoseJvmIsGoneButNotLiveOnes() throws Exception {
        LocalPostgresInstance orphan =
                LocalPostgresInstance.startSandbox(work, LocalPostgresInstance.Options.sandbox(), runner);
        try (LocalPostgresInstance live =
                LocalPostgresInstance.startSandbox(work, LocalPostgresInstance.Options.sandbox(), runner)) {
            long orphanPostmaster = postmasterPid(orphan.dataDir()).orElseThrow();
            Process finished = new ProcessBuilder("true").start();
            finished.waitFor();
            Files.writeString(orphan.dataDir().resolveSibling("owner.pid"), Long.toString(finished.pid()));

            assertThat(LocalPostgresInstance.reapOrphanSandboxes(work)).isEqualTo(1);

            assertThat(orphan.dataDir().getParent()).doesNotExist();
            assertThat(ProcessHandle.of(orphanPostmaster).map(LocalServers::hasExited))
                    .isNotEqualTo(Optional.of(false));
            assertThat(live.dataDir()).exists();
            try (Connection c = live.connect("postgres")) {
                assertThat(c.isValid(5)).isTrue();
            }
        } finally {
            orphan.close();
        }
    }

    @Test
    void findsTheServerBinariesOrNamesTheBadDirectory() {
        Path found = LocalPostgresInstance.findBinDir(null);
        assertThat(found.resolve("initdb")).isExecutable();
        assertThat(LocalPostgresInstance.findBinDir(found)).isEqualTo(found);
        assertThatThrownBy(() -> LocalPostgresInstance.findBinDir(work))
                .isInstanceOf(LocalPostgresException.class)
                .hasMessageContaining(work.toString());
    }

    private static Optional<Long> postmasterPid(Path dataDir) throws Exception {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().trim()));
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
