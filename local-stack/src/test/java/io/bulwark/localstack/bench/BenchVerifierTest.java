package io.bulwark.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.Outcome;
import io.bulwark.localstack.ConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchVerifierTest {

    @Test
    void givesTheVerifierTheSharedConfigTheBrokerAndItsSandboxFolderAndBinaries() {
        assertThat(BenchVerifier.arguments(
                        Path.of("/w/config/bench.yml"),
                        41235,
                        "127.0.0.1:9092",
                        Path.of("/tmp/s/verifier"),
                        Path.of("/usr/lib/postgresql/17/bin")))
                .containsExactly(
                        "--spring.config.additional-location=file:/w/config/bench.yml",
                        "--server.port=41235",
                        "--spring.cloud.stream.kafka.binder.brokers=127.0.0.1:9092",
                        "--bulwark.verifier.sandbox.work-dir=/tmp/s/verifier",
                        "--bulwark.verifier.sandbox.pg-bin-dir=/usr/lib/postgresql/17/bin");
        assertThat(CaptureClient.VERIFIER_GROUP).isEqualTo("bulwark-verifier");
    }

    @Test
    void configHoldsTheStorageAndThePlainBenchTarget() {
        ConfigFile.Storage storage =
                new ConfigFile.Storage("http://127.0.0.1:9000", "ak", "sk", "bulwark", "us-east-1");
        ConfigFile.Target target = CaptureBenchCommand.benchTarget(
                10,
                false,
                io.bulwark.localstack.PostgresLocation.parse(CaptureBenchCommand.DEFAULT_PG_URL),
                null,
                null);

        String yaml = ConfigFile.render(storage, List.of(target), null);

        assertThat(yaml)
                .contains("endpoint: \"http://127.0.0.1:9000\"", "bench-s10-plain:", "database: \"bulwark_bench_s10\"")
                .doesNotContain("encryption");
    }

    @Test
    void picksTheNewestServerBinaries(@TempDir Path root) throws Exception {
        for (String major : List.of("9", "15", "17", "notes")) {
            Path bin = Files.createDirectories(root.resolve(major).resolve("bin"));
            for (String program : List.of("initdb", "pg_ctl", "pg_restore")) {
                Path p = Files.createFile(bin.resolve(program));
                p.toFile().setExecutable(true);
            }
        }
        Files.createDirectories(root.resolve("18").resolve("bin"));

        assertThat(VerifyBenchCommand.newestBinDir(root))
                .isEqualTo(root.resolve("17").resolve("bin"));
    }

    @Test
    void namesTheFailedChecksOfAVerdictThatDidNotPass() {
        BackupVerified verified = new BackupVerified(
                UUID.randomUUID(),
                Instant.EPOCH,
                BackupVerified.SCHEMA_VERSION,
                UUID.fromString("00000000-0000-0000-0000-000000000001"),
                "bench-s10-plain",
                Outcome.FAILED,
                List.of(
                        new CheckResult("restore", CheckStatus.PASSED, "ok", 5),
                        new CheckResult("row-counts", CheckStatus.FAILED, "pgbench_accounts: 9 != 10", 3)),
                null,
                "local",
                "k",
                "p/",
                Instant.EPOCH,
                null);

        assertThat(VerifyBenchCommand.describeFailure(verified))
                .isEqualTo("backup 00000000-0000-0000-0000-000000000001 of target bench-s10-plain was verified"
                        + " FAILED: row-counts: pgbench_accounts: 9 != 10");
    }
}
