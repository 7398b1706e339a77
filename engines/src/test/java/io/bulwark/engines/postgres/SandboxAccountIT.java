package io.bulwark.engines.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engines.process.LocalServers;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.SandboxAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OS account is the boundary when a hostile dump is restored as the sandbox's superuser: the artifact built by
 * {@code scripts/hostile-postgres.sh} runs its code, but as the dedicated account {@value SandboxAccount#DEFAULT_NAME}
 * (never root, never {@code postgres}): every file it writes belongs to that account, whose data directory is 0700,
 * and that account cannot read a secret file of this JVM's user. Needs root (the account exists only then).
 */
class SandboxAccountIT {

    private final ProcessRunner runner = new ProcessRunner();

    @TempDir
    Path work;

    @Test
    void aSuperuserRestoreOfAHostileDumpRunsItsCodeOnlyAsTheSandboxAccount() throws Exception {
        Assumptions.assumeTrue(LocalServers.runningAsRoot(), "the sandbox account is used when the JVM is root");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
        Path escape = Files.createDirectory(work.resolve("escape"));
        Files.setAttribute(escape, "unix:mode", 01777);
        Path secrets = Files.createDirectory(
                work.resolve("secrets"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path secret = Files.writeString(secrets.resolve("key"), "secret-" + UUID.randomUUID());
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        String source = "sandbox_pg_account_" + UUID.randomUUID().toString().substring(0, 8);
        Path dump = work.resolve("hostile.pgcustom");
        PostgresConnectionSpec machine = new PostgresConnectionSpec("127.0.0.1", 5432, source, "postgres", null);
        try {
            ProcessRunner.Result made = runner.run(ProcessRunner.Command.of(
                    Duration.ofMinutes(2), "bash", script().toString(), source, escape.toString()));
            assertThat(made.succeeded()).as(made.stderr()).isTrue();
            ProcessRunner.Result dumped = runner.run(machine.toolCommand(
                    List.of("pg_dump", "--format=custom", "--file=" + dump, "--dbname=" + source),
                    Duration.ofMinutes(2)));
            assertThat(dumped.succeeded()).as(dumped.stderr()).isTrue();

            try (LocalPostgresInstance pg =
                    LocalPostgresInstance.startSandbox(work, LocalPostgresInstance.Options.sandbox(), runner)) {
                assertThat(Files.getOwner(pg.dataDir()).getName()).isEqualTo(SandboxAccount.DEFAULT_NAME);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pg.dataDir())))
                        .isEqualTo("rwx------");
                pg.createDatabase("restore");
                ProcessRunner.Result restored = runner.run(pg.connectionSpec("restore")
                        .toolCommand(
                                List.of(
                                        pg.binDir().resolve("pg_restore").toString(),
                                        "--no-owner",
                                        "--dbname=restore",
                                        dump.toString()),
                                Duration.ofMinutes(2)));
                assertThat(restored.exitCode()).as(restored.stderr()).isNotNegative();
            }

            List<Path> escaped;
            try (Stream<Path> files = Files.list(escape)) {
                escaped = files.toList();
            }
            assertThat(escaped).as("as a superuser, the artifact's code runs").isNotEmpty();
            for (Path file : escaped) {
                assertThat(Files.getOwner(file).getName()).as(file.toString()).isEqualTo(SandboxAccount.DEFAULT_NAME);
            }
            assertThat(escaped)
                    .as("what a superuser's restore does: the backend's /proc/self/environ read (PostgreSQL overwrites"
                            + " that area with its process title), a program run, a large object written")
                    .anyMatch(f -> f.getFileName().toString().startsWith("environ-"))
                    .anyMatch(f -> f.getFileName().toString().startsWith("program-"))
                    .anyMatch(f -> f.getFileName().toString().startsWith("large-object-"));
            ProcessRunner.Result read = runner.run(ProcessRunner.Command.of(
                    Duration.ofSeconds(10),
                    "runuser",
                    "-u",
                    SandboxAccount.DEFAULT_NAME,
                    "--",
                    "cat",
                    secret.toString()));
            assertThat(read.succeeded())
                    .as("the sandbox account reads a 0600 secret of this JVM")
                    .isFalse();
        } finally {
            runner.run(new PostgresConnectionSpec("127.0.0.1", 5432, "postgres", "postgres", null)
                    .toolCommand(
                            List.of(
                                    "psql",
                                    "-X",
                                    "-q",
                                    "-c",
                                    "DROP DATABASE IF EXISTS \"" + source + "\" WITH (FORCE)"),
                            Duration.ofMinutes(1)));
        }
    }

    private static Path script() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("scripts/hostile-postgres.sh"))) {
            dir = dir.getParent();
        }
        assertThat(dir).isNotNull();
        return dir.resolve("scripts/hostile-postgres.sh");
    }
}
