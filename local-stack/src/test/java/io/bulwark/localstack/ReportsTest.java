package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.RestoreState;
import io.bulwark.contracts.RestoredDatabase;
import io.bulwark.contracts.TableRows;
import io.bulwark.contracts.VerificationReport;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportsTest {

    private final VerificationReport report = new VerificationReport(
            1,
            UUID.fromString("11111111-2222-3333-4444-555555555555"),
            "chinook",
            Outcome.FAILED,
            List.of(
                    new CheckResult("checksum", CheckStatus.PASSED, "sha256 matches the manifest", 3),
                    new CheckResult("row-counts", CheckStatus.FAILED, "1 table differs", 5)),
            List.of(new TableRows("public", "album", 347, 347L), new TableRows("public", "track", 3503, 3502L)),
            new VerificationReport.Timings(900, 1234, 56, 2345),
            "local",
            "chinook/2026/11/demo_x_11111111/dump.pgcustom.zst",
            "chinook/2026/11/demo_x_11111111/manifest.json",
            "15.20",
            "15.20",
            Instant.parse("2026-11-23T19:00:00Z"));

    @Test
    void rendersOutcomeChecksTablesAndTimings() {
        String text = Reports.render(report);

        assertThat(text)
                .contains("outcome: FAILED")
                .containsPattern("PASSED +checksum +sha256 matches the manifest")
                .containsPattern("FAILED +row-counts +1 table differs")
                .containsPattern("public\\.album +347 +347 +ok")
                .containsPattern("public\\.track +3503 +3502 +MISMATCH")
                .contains("restore 1234 ms, total 2345 ms");
    }

    @Test
    void parsesTheJsonTheVerifierWrites() {
        VerificationReport back = Reports.parse(EventJson.toBytes(report));

        assertThat(back).isEqualTo(report);
    }

    private final RestoreReport restore = new RestoreReport(
            RestoreReport.SCHEMA_VERSION,
            UUID.fromString("99999999-2222-3333-4444-555555555555"),
            UUID.fromString("11111111-2222-3333-4444-555555555555"),
            "chinook",
            RestoreState.FAILED,
            RestoreFailureReason.PROOF_FAILED,
            "1 table differs",
            false,
            Outcome.PASSED,
            new RestoredDatabase(
                    "demo", "postgresql", "127.0.0.1", 5432, "chinook_restored_20261123T190000Z", true, false, "15.20"),
            List.of(),
            List.of("public.album", "public.track"),
            List.of(new CheckResult("row-counts", CheckStatus.FAILED, "1 table differs", 5)),
            List.of(new TableRows("public", "album", 347, 347L), new TableRows("public", "track", 3503, 3502L)),
            List.of("public.track.track_album_fk -> public.genre"),
            new RestoreReport.Timings(12, 345, 67, 424),
            "chinook/2026/11/demo_x_11111111/dump.pgcustom.zst",
            "chinook/2026/11/demo_x_11111111/manifest.json",
            Instant.parse("2026-11-23T19:00:00Z"),
            Instant.parse("2026-11-23T19:00:01Z"));

    @Test
    void rendersARestoreWithItsDatabaseChecksDifferingTablesFirstAndTimings() {
        String text = Reports.renderRestore(restore);

        assertThat(text)
                .contains("Restore 99999999-2222-3333-4444-555555555555 of backup 11111111-2222-3333-4444-555555555555"
                        + " (target chinook)")
                .contains("state: FAILED (PROOF_FAILED)")
                .contains("database: chinook_restored_20261123T190000Z on postgresql 127.0.0.1:5432 (destination demo,"
                        + " created, server 15.20)")
                .contains("tables asked for: public.album, public.track")
                .contains("backup verification: PASSED")
                .containsPattern("FAILED +row-counts +1 table differs")
                .contains("public.track.track_album_fk -> public.genre")
                .contains("prepare 12 ms, restore 345 ms, checks 67 ms, total 424 ms");
        assertThat(text.indexOf("public.track    ")).isLessThan(text.indexOf("public.album    "));
        assertThat(text).containsPattern("public\\.track +3503 +3502 +MISMATCH");
    }

    @Test
    void parsesTheRestoreJsonTheVerifierWrites() {
        assertThat(Reports.parseRestore(EventJson.toBytes(restore))).isEqualTo(restore);
    }
}
