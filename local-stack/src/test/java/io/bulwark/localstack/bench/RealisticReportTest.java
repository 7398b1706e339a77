package io.bulwark.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.localstack.bench.CaptureReport.BareFigures;
import io.bulwark.localstack.bench.CaptureReport.WorkerFigures;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealisticReportTest {

    private final BareFigures bare = new BareFigures(List.of(10_000L, 9_000L, 11_000L), 150_000_000L);
    private final BareFigures bareEncrypted = new BareFigures(List.of(12_000L), 150_100_000L);

    @Test
    void comparesEachModeWithItsOwnBarePipelineAndTheFirstRunsByTheirMedian() {
        WorkerFigures plain = new WorkerFigures(List.of(10_500L), List.of(10_000L), 151_000_000L, 80, false);
        WorkerFigures encrypted = new WorkerFigures(List.of(14_500L), List.of(14_000L), 151_100_000L, 80, true);

        RealisticReport report =
                new RealisticReport(bare, bareEncrypted, plain, encrypted, List.of(1.5, 1.1, 1.2, 1.25));

        assertThat(report.lines())
                .containsExactly(
                        "realistic_bare_ms 10000",
                        "realistic_bare_encrypted_ms 12000",
                        "realistic_plain_ms 10500",
                        "realistic_encrypted_ms 14500",
                        "realistic_bare_bytes 150000000",
                        "realistic_plain_bytes 151000000",
                        "ratio_plain_realistic 1.050",
                        "ratio_encrypted_realistic 1.208",
                        "ratio_first_run 1.225",
                        "goal ratio_plain_realistic <= 1.10: met (1.050)",
                        "goal ratio_encrypted_realistic <= 1.20: MISSED (1.208)",
                        "goal ratio_first_run <= 1.30: met (1.225)");
        assertThat(new RealisticReport(bare, bareEncrypted, plain, encrypted, List.of(1.4, 1.2, 1.3)).ratioFirstRun())
                .isEqualTo(1.3);
        assertThatThrownBy(() -> new RealisticReport(bare, bareEncrypted, plain, encrypted, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRealisticDatabaseIsFilledInBlocksCopiedOneAfterTheOther() {
        assertThat(RealisticDatabase.firstBlockSql(1000))
                .contains("generate_series(1::bigint, 1000) g", "jsonb_build_object(", "md5(", "numeric");
        assertThat(RealisticDatabase.copySql(1000, 3))
                .isEqualTo("INSERT INTO bench_orders SELECT id + 3000, created_at + interval '27 days', customer,"
                        + " status, amount, quantity, note, attrs FROM bench_orders WHERE id <= 1000");
    }
}
