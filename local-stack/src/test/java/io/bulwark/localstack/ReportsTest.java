package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
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
}
