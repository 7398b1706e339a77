package io.bulwark.engines.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engines.process.LocalServers;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.SandboxAccount;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sandboxes copied from the {@link InitdbTemplate}. Which {@code initdb} a data directory comes from is told by its
 * system identifier ({@code pg_control}), which every {@code initdb} run draws anew: sandboxes copied from one
 * template share the template's, a sandbox that ran {@code initdb} has its own.
 */
class InitdbTemplateIT {

    private final ProcessRunner runner = new ProcessRunner();

    @TempDir
    Path work;

    @BeforeEach
    void letTheSandboxUserTraverseTheWorkDirectory() throws Exception {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
    }

    @AfterEach
    void closeRunner() {
        runner.close();
    }

    @Test
    void twoSandboxesFromOneTemplateEachAcceptOnlyTheirOwnPasswordAndShareNoData() throws Exception {
        try (LocalPostgresInstance a = sandbox()) {
            Path template = onlyTemplate();
            Object templateKey = Files.readAttributes(template, "unix:ino").get("ino");
            String templateBefore = listing(template);
            try (LocalPostgresInstance b = sandbox()) {
                // one initdb: both copies carry the template's system identifier, and the template was not made again
                assertThat(systemIdentifier(a)).isEqualTo(templateSystemIdentifier(template));
                assertThat(systemIdentifier(b)).isEqualTo(systemIdentifier(a));
                assertThat(onlyTemplate()).isEqualTo(template);
                assertThat(Files.readAttributes(template, "unix:ino").get("ino"))
                        .isEqualTo(templateKey);

                assertThat(a.password()).isNotEqualTo(b.password()).hasSizeGreaterThanOrEqualTo(32);
                assertRefused(a, b.password());
                assertRefused(b, a.password());
                assertRefused(a, "wrong");

                String relation;
                try (Connection c = a.connect("postgres");
                        Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE only_in_a (v text)");
                    s.execute("INSERT INTO only_in_a VALUES ('a')");
                    s.execute("CHECKPOINT");
                    relation = string(s, "SELECT pg_relation_filepath('only_in_a')");
                }
                assertThat(a.dataDir().resolve(relation)).exists();
                assertThat(b.dataDir().resolve(relation)).doesNotExist();
                assertThat(template.resolve("data").resolve(relation)).doesNotExist();
                try (Connection c = b.connect("postgres");
                        Statement s = c.createStatement()) {
                    assertThat(string(s, "SELECT coalesce(to_regclass('only_in_a')::text, 'none')"))
                            .isEqualTo("none");
                }
                assertThat(listing(template)).isEqualTo(templateBefore);

                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(b.dataDir())))
                        .isEqualTo("rwx------");
                if (LocalServers.runningAsRoot()) {
                    assertThat(Files.getOwner(b.dataDir()).getName()).isEqualTo(SandboxAccount.DEFAULT_NAME);
                    assertThat(Files.getOwner(b.dataDir().resolve("global/pg_control"))
                                    .getName())
                            .isEqualTo(SandboxAccount.DEFAULT_NAME);
                    // the sandbox account, which runs what a restored artifact runs, cannot reach the template
                    assertThat(Files.getOwner(template.resolve("data")).getName())
                            .isEqualTo("root");
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(template)))
                            .isEqualTo("rwx------");
                }
            }
        }
        assertThat(onlyTemplate()).exists();
    }

    @Test
    void concurrentFirstSandboxesMakeTheTemplateOnce() throws Exception {
        CompletableFuture<LocalPostgresInstance> first = CompletableFuture.supplyAsync(this::sandbox);
        CompletableFuture<LocalPostgresInstance> second = CompletableFuture.supplyAsync(this::sandbox);
        try (LocalPostgresInstance a = first.join();
                LocalPostgresInstance b = second.join()) {
            Path template = onlyTemplate();
            assertThat(systemIdentifier(a)).isEqualTo(templateSystemIdentifier(template));
            assertThat(systemIdentifier(b)).isEqualTo(systemIdentifier(a));
            assertRefused(a, b.password());
        }
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(InitdbTemplate.BUILD_PREFIX))
                    .noneMatch(name -> name.startsWith(LocalPostgresInstance.SANDBOX_PREFIX));
        }
    }

    @Test
    void anUnusableTemplateFallsBackToInitdbAndIsMadeAgainByTheNextSandbox() throws Exception {
        long original;
        try (LocalPostgresInstance a = sandbox()) {
            original = systemIdentifier(a);
        }
        Path broken = onlyTemplate();
        Files.write(broken.resolve("data/global/pg_control"), new byte[0]);

        try (LocalPostgresInstance b = sandbox()) {
            assertThat(systemIdentifier(b)).isNotEqualTo(original);
            try (Connection c = b.connect("postgres")) {
                assertThat(c.isValid(5)).isTrue();
            }
            assertRefused(b, "wrong");
        }
        assertThat(templates()).isEmpty();

        try (LocalPostgresInstance c = sandbox()) {
            Path remade = onlyTemplate();
            assertThat(systemIdentifier(c))
                    .isEqualTo(templateSystemIdentifier(remade))
                    .isNotEqualTo(original);
        }
    }

    @Test
    void withoutTheTemplateEverySandboxRunsInitdb() throws Exception {
        LocalPostgresInstance.Options off =
                LocalPostgresInstance.Options.sandbox().withTemplate(false);
        try (LocalPostgresInstance a = LocalPostgresInstance.startSandbox(work, off, runner);
                LocalPostgresInstance b = LocalPostgresInstance.startSandbox(work, off, runner)) {
            assertThat(systemIdentifier(a)).isNotEqualTo(systemIdentifier(b));
            assertRefused(a, b.password());
        }
        assertThat(templates()).isEmpty();
    }

    @Test
    void theOrphanReaperRemovesDeadBuildsButNeverTheTemplate() throws Exception {
        LocalPostgresInstance orphan = sandbox();
        try {
            Path template = onlyTemplate();
            long deadPid = deadPid();
            Files.writeString(orphan.dataDir().resolveSibling("owner.pid"), Long.toString(deadPid));
            Path deadBuild = Files.createDirectory(work.resolve(InitdbTemplate.BUILD_PREFIX + "dead"));
            Files.writeString(deadBuild.resolve("owner.pid"), Long.toString(deadPid));

            assertThat(LocalPostgresInstance.reapOrphanSandboxes(work)).isEqualTo(2);

            assertThat(orphan.dataDir().getParent()).doesNotExist();
            assertThat(deadBuild).doesNotExist();
            assertThat(onlyTemplate()).isEqualTo(template);
            try (LocalPostgresInstance next = sandbox()) {
                assertThat(systemIdentifier(next)).isEqualTo(templateSystemIdentifier(template));
            }
        } finally {
            orphan.close();
        }
    }

    private LocalPostgresInstance sandbox() {
        return LocalPostgresInstance.startSandbox(work, LocalPostgresInstance.Options.sandbox(), runner);
    }

    private List<Path> templates() throws IOException {
        try (Stream<Path> entries = Files.list(work)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(InitdbTemplate.PREFIX))
                    .filter(p -> !p.getFileName().toString().startsWith(InitdbTemplate.BUILD_PREFIX))
                    .filter(Files::isDirectory)
                    .toList();
        }
    }

    private Path onlyTemplate() throws IOException {
        List<Path> found = templates();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    /** The system identifier {@code initdb} drew: the first 8 bytes of {@code pg_control}, in the machine's order. */
    private static long templateSystemIdentifier(Path template) throws IOException {
        byte[] control = Files.readAllBytes(template.resolve("data/global/pg_control"));
        return ByteBuffer.wrap(control, 0, 8).order(ByteOrder.nativeOrder()).getLong();
    }

    private static long systemIdentifier(LocalPostgresInstance pg) throws SQLException {
        try (Connection c = pg.connect("postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT system_identifier FROM pg_control_system()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void assertRefused(LocalPostgresInstance pg, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.username(), password)
                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    private static String string(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Every path below {@code dir} with its size and modification time. */
    private static String listing(Path dir) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted().toList()) {
                out.append(dir.relativize(p))
                        .append(' ')
                        .append(Files.size(p))
                        .append(' ')
                        .append(Files.getLastModifiedTime(p))
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static long deadPid() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        return finished.pid();
    }
}
