package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.RestoreState;
import io.bulwark.contracts.TableRows;
import io.bulwark.contracts.VerificationReport;
import io.bulwark.testsupport.MariaDbDatabases;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MariaDB through the whole stack ({@link EndToEndStack}): Chinook on the machine's MariaDB, dumped by a
 * least-privilege user with a password (the README's grants), is verified with every table's exact row count and then
 * restored through the scheduler's API into a new database on the MariaDB destination.
 */
@ExtendWith(EndToEndStack.Resolver.class)
class MariaDbEndToEndIT {

    private static final Duration BACKUP_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(3);

    @Test
    void aLeastPrivilegeBackupIsVerifiedAndRestoresThroughTheApiWithTheSourcesExactCounts(EndToEndStack e2e) {
        SchedulerClient scheduler = e2e.stack().schedulerClient();
        UUID backupId = scheduler.requestBackup("chinook_mariadb", "e2e");
        SchedulerClient.BackupStatus status = e2e.awaitFinal(backupId, BACKUP_TIMEOUT);

        assertThat(status.state()).as(status.json()).isEqualTo("VERIFIED");
        VerificationReport report =
                Reports.parse(Reports.read(e2e.stack().s3Client(), Stack.BUCKET, status.reportKey()));
        assertThat(report.outcome()).as(Reports.render(report)).isEqualTo(Outcome.PASSED);
        Map<String, Long> source = e2e.mariadb.chinookRowCounts(e2e.mariadbDb());
        assertThat(report.tables()).hasSize(MariaDbDatabases.CHINOOK_TABLES.size());
        for (TableRows t : report.tables()) {
            assertThat(t.restoredRows()).as(t.name()).isEqualTo(t.sourceRows());
            assertThat(t.sourceRows()).as(t.name()).isEqualTo(source.get(t.name()));
        }

        String database = "e2e_restored_" + MariaDbDatabases.randomHex(4);
        e2e.restoredMariaDb.add(database);
        UUID restoreId = scheduler
                .requestRestore(
                        backupId,
                        SchedulerClient.RestoreRequest.into(EndToEndStack.MARIADB_DESTINATION)
                                .database(database))
                .restoreId();
        SchedulerClient.RestoreStatus done = scheduler
                .awaitRestore(restoreId, RESTORE_TIMEOUT, Duration.ofMillis(250), null)
                .orElseThrow(() -> new AssertionError("the scheduler never showed restore " + restoreId));

        assertThat(done.state()).as(done.json()).isEqualTo("SUCCEEDED");
        assertThat(done.database()).isEqualTo(database);
        assertThat(e2e.mariadb.chinookRowCounts(database))
                .as("exact row counts of %s", database)
                .isEqualTo(source);
        RestoreReport restore =
                Reports.parseRestore(Reports.read(e2e.stack().s3Client(), Stack.BUCKET, done.reportKey()));
        assertThat(restore.state()).as(Reports.renderRestore(restore)).isEqualTo(RestoreState.SUCCEEDED);
        assertThat(restore.rows())
                .hasSize(MariaDbDatabases.CHINOOK_TABLES.size())
                .allMatch(TableRows::matches);
    }
}
