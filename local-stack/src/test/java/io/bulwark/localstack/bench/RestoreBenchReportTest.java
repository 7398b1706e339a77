package io.bulwark.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreBenchReportTest {

    @Test
    void printsTheRunsTheMediansTheRatiosAndTheGoals() {
        RestoreBenchReport report = new RestoreBenchReport(
                List.of(1000L, 1200L, 1100L),
                List.of(1100L, 1300L, 1200L),
                List.of(800L, 900L, 850L),
                List.of(1000L, 1100L, 1050L));

        assertThat(report.render()).isEqualTo("""
                        # runs (ms): bare [1000, 1200, 1100], restore [1100, 1300, 1200], bare_jobs [800, 900, 850], \
                        restore_jobs [1000, 1100, 1050]
                        bare_ms 1100
                        restore_ms 1200
                        ratio 1.091
                        bare_jobs_ms 850
                        restore_jobs_ms 1050
                        ratio_jobs 1.235
                        goal ratio <= 1.15: met (ratio 1.091 = restore_ms 1200 / bare_ms 1100)
                        goal ratio_jobs <= 1.15: MISSED (ratio_jobs 1.235 = restore_jobs_ms 1050 / bare_jobs_ms 850)
                        """);
    }

    @Test
    void needsAtLeastOneRunAndNamesEveryDatabaseItMayCreate() {
        assertThatThrownBy(() -> new RestoreBenchReport(List.of(), List.of(1L), List.of(1L), List.of(1L)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RestoreBenchCommand.databaseNames(2))
                .hasSize(8)
                .allMatch(n -> n.matches("[a-z_][a-z0-9_]{0,62}"))
                .contains("bulwark_bench_restore_2_ours_j2");
    }
}
