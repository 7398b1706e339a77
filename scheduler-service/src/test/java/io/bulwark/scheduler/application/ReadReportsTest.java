package io.bulwark.scheduler.application;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.RestoreState;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.BackupState;
import io.bulwark.scheduler.domain.Restore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReadReportsTest {

    private static final UUID ID = UUID.fromString("1a2b3c4d-0000-4000-8000-000000000001");
    private static final String PREFIX = "chinook/2026/12/adhoc_20261203T070000Z_1a2b3c4d/";

    private final Map<String, byte[]> objects = new HashMap<>();
    private final ReadReports reports = new ReadReports(key -> Optional.ofNullable(objects.get(key)));

    @Test
    void theReportsInsideThePrefixAreRead() {
        objects.put(PREFIX + "verification.json", "{\"outcome\":\"PASSED\"}".getBytes(UTF_8));
        objects.put(PREFIX + "verification.html", "<p>passed</p>".getBytes(UTF_8));
        UUID restoreId = UUID.randomUUID();
        String restoreKey = PREFIX + "restores/" + restoreId + "/restore.json";
        objects.put(restoreKey, "{\"state\":\"SUCCEEDED\"}".getBytes(UTF_8));

        Backup backup = backup(PREFIX + "verification.json", PREFIX + "verification.html");
        assertThat(new String(reports.verificationReport(backup), UTF_8)).contains("PASSED");
        assertThat(new String(reports.verificationPage(backup), UTF_8)).contains("passed");
        assertThat(new String(reports.restoreReport(restore(restoreId, restoreKey)), UTF_8))
                .contains("SUCCEEDED");
    }

    @Test
    void aBackupWithoutReportHasNoneYet() {
        assertThatThrownBy(() -> reports.verificationReport(backup(null, null)))
                .isInstanceOf(NoReportException.class)
                .hasMessage("backup " + ID + " has no verification report yet");
        assertThatThrownBy(() -> reports.verificationReport(backup(PREFIX + "verification.json", null)))
                .as("a key whose object is not stored")
                .isInstanceOf(NoReportException.class);
        assertThatThrownBy(() -> reports.restoreReport(restore(UUID.randomUUID(), null)))
                .isInstanceOf(NoReportException.class)
                .hasMessageContaining("has no report yet");
    }

    @Test
    void aKeyOutsideTheBackupsPrefixIsRefusedWithoutReadingIt() {
        objects.put("secrets/other.json", "{}".getBytes(UTF_8));

        assertThatThrownBy(() -> reports.verificationReport(backup("secrets/other.json", null)))
                .isInstanceOf(ReportRefusedException.class)
                .hasMessageContaining("outside");
        assertThatThrownBy(() -> reports.restoreReport(restore(UUID.randomUUID(), "secrets/other.json")))
                .isInstanceOf(ReportRefusedException.class);
    }

    @Test
    void withoutAnObjectStoreEveryReadIsUnavailable() {
        ReadReports none = new ReadReports(null);

        assertThatThrownBy(() -> none.verificationReport(backup(PREFIX + "verification.json", null)))
                .isInstanceOf(ReportStoreUnavailableException.class)
                .hasMessageContaining("no object store configured");
    }

    private static Backup backup(String reportKey, String reportPageKey) {
        Instant now = Instant.parse("2026-12-03T07:00:00Z");
        return Backup.builder()
                .backupId(ID)
                .targetId("chinook")
                .state(BackupState.VERIFIED)
                .prefix(PREFIX)
                .reportKey(reportKey)
                .reportPageKey(reportPageKey)
                .firstSeenAt(now)
                .updatedAt(now)
                .build();
    }

    private static Restore restore(UUID restoreId, String reportKey) {
        Instant now = Instant.parse("2026-12-03T08:00:00Z");
        Restore.Result result = new Restore.Result(
                UUID.randomUUID(),
                now,
                RestoreState.SUCCEEDED,
                null,
                null,
                null,
                false,
                false,
                List.of(),
                null,
                reportKey,
                null);
        return new Restore(restoreId, "chinook", ID, PREFIX, null, null, result, now, now);
    }
}
