package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.VerificationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A hostile artifact through the whole stack ({@link EndToEndStack}): the {@code hostile} target's CHECK constraints
 * and index expression do nothing in their own database, so its backup is an honest one, but while the verifier
 * restores it they try {@code COPY ... TO PROGRAM}, {@code pg_read_binary_file('/proc/self/environ')} and
 * {@code lo_export} into a world-writable folder. The sandbox must stop every one: the backup ends
 * VERIFICATION_FAILED on a refused restore, and the folder stays empty.
 */
@ExtendWith(EndToEndStack.Resolver.class)
class HostileSourceIT {

    private static final Duration BACKUP_TIMEOUT = Duration.ofMinutes(6);

    @Test
    void everyEscapeFailsInTheSandboxAndTheBackupIsNotVerified(EndToEndStack e2e) throws IOException {
        SchedulerClient scheduler = e2e.stack().schedulerClient();
        UUID backupId = scheduler.requestBackup("hostile", "e2e");

        SchedulerClient.BackupStatus status = e2e.awaitFinal(backupId, BACKUP_TIMEOUT);

        assertThat(status.state()).as(status.json()).isEqualTo("VERIFICATION_FAILED");
        VerificationReport report =
                Reports.parse(Reports.read(e2e.stack().s3Client(), Stack.BUCKET, status.reportKey()));
        assertThat(report.outcome()).as(Reports.render(report)).isEqualTo(Outcome.FAILED);
        assertThat(report.checks())
                .filteredOn(c -> c.name().equals("restore"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isIn(CheckStatus.FAILED, CheckStatus.ERROR);
                    assertThat(c.detail()).containsIgnoringCase("permission denied");
                });
        try (Stream<Path> escaped = Files.list(e2e.escapeDir())) {
            assertThat(escaped)
                    .as("files the artifact wrote outside its sandbox")
                    .isEmpty();
        }
    }
}
