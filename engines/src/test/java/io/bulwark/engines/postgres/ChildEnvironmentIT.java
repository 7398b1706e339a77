package io.bulwark.engines.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engines.process.ChildEnvironment;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ProcessRunner.RunningProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code psql} run against a password-protected ({@code scram-sha-256}) sandbox sees only the allow-listed
 * environment, although this JVM's environment holds {@code AWS_SECRET_ACCESS_KEY}, {@code BULWARK_IT_SECRET} and a
 * wrong {@code PGPASSWORD} (set by the module's failsafe configuration): the password reaches it through its private
 * {@code PGPASSFILE} only, which is 0600 while it runs and gone after.
 */
class ChildEnvironmentIT {

    private final ProcessRunner runner = new ProcessRunner();

    @TempDir
    Path work;

    @BeforeEach
    void letTheServerUserTraverseTheWorkDirectory() throws Exception {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
    }

    @Test
    void aRealPsqlGetsThePasswordFromItsPassFileAndNothingElseOfTheJvmsEnvironment() throws Exception {
        assertThat(System.getenv()).containsKeys("AWS_SECRET_ACCESS_KEY", "BULWARK_IT_SECRET", "PGPASSWORD");
        try (LocalPostgresInstance pg =
                LocalPostgresInstance.startSandbox(work, LocalPostgresInstance.Options.sandbox(), runner)) {
            PostgresConnectionSpec spec = pg.connectionSpec("postgres");
            ProcessRunner.Command psql = spec.toolCommand(
                    List.of(
                            pg.binDir().resolve("psql").toString(),
                            "-X",
                            "-w",
                            "-At",
                            "-c",
                            "SELECT pg_sleep(2)",
                            "-c",
                            "SELECT current_user"),
                    Duration.ofSeconds(30));

            Map<String, String> seen;
            Path passFile;
            String passMode;
            int exit;
            String out;
            try (RunningProcess p = runner.start(psql)) {
                seen = environOf(p.pid());
                passFile = Path.of(seen.get("PGPASSFILE"));
                passMode = PosixFilePermissions.toString(Files.getPosixFilePermissions(passFile));
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passFile.getParent())))
                        .isEqualTo("rwx------");
                out = new String(p.stdout().readAllBytes(), StandardCharsets.UTF_8);
                exit = p.waitFor();
                assertThat(exit).as(p.stderr()).isZero();
            }

            assertThat(out).contains("postgres");
            assertThat(seen.keySet())
                    .doesNotContain("PGPASSWORD", "AWS_SECRET_ACCESS_KEY", "BULWARK_IT_SECRET")
                    .allMatch(n -> ChildEnvironment.inherited(n) || ChildEnvironment.COMMAND_NAMES.contains(n));
            assertThat(seen.values()).noneMatch(v -> v.contains(pg.password()));
            assertThat(passMode).isEqualTo("rw-------");
            assertThat(passFile).doesNotExist();
            assertThat(passFile.getParent()).doesNotExist();
        }
    }

    /** The environment of a running process, read from {@code /proc/<pid>/environ}. */
    static Map<String, String> environOf(long pid) throws Exception {
        Path environ = Path.of("/proc/" + pid + "/environ");
        byte[] bytes = Files.readAllBytes(environ);
        return Arrays.stream(new String(bytes, StandardCharsets.UTF_8).split("\0"))
                .filter(e -> e.contains("="))
                .collect(Collectors.toMap(e -> e.substring(0, e.indexOf('=')), e -> e.substring(e.indexOf('=') + 1)));
    }
}
