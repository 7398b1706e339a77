package io.bulwark.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engines.postgres.PostgresConnectionSpec;
import io.bulwark.engines.process.ProcessRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarePipelineTest {

    @TempDir
    Path dir;

    private final PostgresConnectionSpec spec =
            new PostgresConnectionSpec("127.0.0.1", 5432, "bulwark_bench_s1", "postgres", "pw-not-in-argv");

    @Test
    void runsPgDumpThroughZstdTeeAndSha256sumUnderPipefailWithThePasswordInTheEnvironmentOnly() {
        BarePipeline bare =
                new BarePipeline(new ProcessRunner(), "/usr/lib/postgresql/17/bin/pg_dump", Duration.ofMinutes(1));

        ProcessRunner.Command c = bare.command(spec, dir.resolve("a.zst"));

        assertThat(c.argv())
                .containsExactly(
                        "bash",
                        "-o",
                        "pipefail",
                        "-c",
                        "\"$1\" -Fc -Z0 \"$2\" | zstd -3 | tee \"$3\" | sha256sum",
                        "bulwark-bench",
                        "/usr/lib/postgresql/17/bin/pg_dump",
                        "bulwark_bench_s1",
                        dir.resolve("a.zst").toString());
        assertThat(c.argv()).noneMatch(a -> a.contains("pw-not-in-argv"));
        assertThat(c.env()).doesNotContainKey("PGPASSWORD").containsEntry("PGPORT", "5432");
        assertThat(c.privateFile().envName()).isEqualTo("PGPASSFILE");
        assertThat(c.privateFile().content()).endsWith(":pw-not-in-argv\n");
        assertThat(bare.display("db", dir.resolve("a.zst")))
                .isEqualTo("/usr/lib/postgresql/17/bin/pg_dump -Fc -Z0 db | zstd -3 | tee " + dir.resolve("a.zst")
                        + " | sha256sum");
    }

    @Test
    void theEncryptedPipelineRunsGpgToTheKeyFileBetweenZstdAndTee() {
        BarePipeline bare =
                new BarePipeline(new ProcessRunner(), "/usr/lib/postgresql/17/bin/pg_dump", Duration.ofMinutes(1));

        ProcessRunner.Command c =
                bare.encryptedCommand(spec, dir.resolve("a.zst.gpg"), dir.resolve("pub.asc"), dir.resolve("gnupg"));

        assertThat(c.argv().get(4))
                .isEqualTo("\"$1\" -Fc -Z0 \"$2\" | zstd -3 | GNUPGHOME=\"$5\" gpg --batch --no-tty -q --trust-model"
                        + " always -z 0 --recipient-file \"$4\" --encrypt | tee \"$3\" | sha256sum");
        assertThat(c.argv().subList(5, c.argv().size()))
                .containsExactly(
                        "bulwark-bench",
                        "/usr/lib/postgresql/17/bin/pg_dump",
                        "bulwark_bench_s1",
                        dir.resolve("a.zst.gpg").toString(),
                        dir.resolve("pub.asc").toString(),
                        dir.resolve("gnupg").toString());
        assertThat(c.argv()).noneMatch(a -> a.contains("pw-not-in-argv"));
    }

    @Test
    void writesTheArtifactAndReportsItsSizeAndChecksum() throws Exception {
        Path fakePgDump = script("fake-pg_dump", "#!/bin/sh\nprintf 'PGDMP %s' \"$3\"\n");
        BarePipeline bare = new BarePipeline(new ProcessRunner(), fakePgDump.toString(), Duration.ofMinutes(1));
        Path artifact = dir.resolve("bare").resolve("dump.pgcustom.zst");

        BarePipeline.Run run = bare.run(spec, artifact);

        byte[] written = Files.readAllBytes(artifact);
        assertThat(run.artifactBytes()).isEqualTo(written.length).isPositive();
        assertThat(run.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(written)));
        assertThat(run.millis()).isNotNegative();
    }

    @Test
    void theHashedRunAlsoHashesTheRawDumpBesideTheArtifact() throws Exception {
        Path fakePgDump = script("fake-pg_dump", "#!/bin/sh\nprintf 'PGDMP raw bytes'\n");
        BarePipeline bare = new BarePipeline(new ProcessRunner(), fakePgDump.toString(), Duration.ofMinutes(1));
        Path artifact = dir.resolve("hashed").resolve("dump.pgcustom.zst");

        BarePipeline.Run run = bare.runHashed(spec, artifact);

        assertThat(run.artifactBytes()).isEqualTo(Files.size(artifact)).isPositive();
        String rawHash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest("PGDMP raw bytes".getBytes(StandardCharsets.UTF_8)));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Path rawFile = dir.resolve("hashed").resolve("dump.pgcustom.zst.raw.sha256");
        while (!(Files.exists(rawFile) && Files.readString(rawFile).contains(rawHash))
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.readString(rawFile)).startsWith(rawHash);
    }

    @Test
    void failsWhenPgDumpFailsEvenThoughTheRestOfThePipelineSucceeds() throws Exception {
        Path failing = script("failing-pg_dump", "#!/bin/sh\necho 'pg_dump: error: connection refused' >&2\nexit 1\n");
        BarePipeline bare = new BarePipeline(new ProcessRunner(), failing.toString(), Duration.ofMinutes(1));

        assertThatThrownBy(() -> bare.run(spec, dir.resolve("x.zst")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exit 1")
                .hasMessageContaining("connection refused");
    }

    private Path script(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
