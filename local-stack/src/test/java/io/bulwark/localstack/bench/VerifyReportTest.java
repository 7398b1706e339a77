package io.bulwark.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerifyReportTest {

    @Test
    void printsTheFiguresTheRatioWithThreeDecimalsAndTheGoals() {
        VerifyReport report = new VerifyReport(List.of(2436L), List.of(5285L), List.of(1348L), List.of(1448L));

        assertThat(report.render())
                .isEqualTo("bare_ms 2436\n"
                        + "verify_ms 5285\n"
                        + "ratio 2.170\n"
                        + "sandbox_ready_ms 1348\n"
                        + "restore_ms 1448\n"
                        + "goal ratio <= 1.3: MISSED (ratio 2.170 = verify_ms 5285 / bare_ms 2436)\n"
                        + "goal sandbox_ready_ms <= 2000: met (sandbox_ready_ms 1348)\n");
    }

    @Test
    void takesTheMedianOfTheRunsAndMeetsGoalsAtTheirBounds() {
        VerifyReport report = new VerifyReport(
                List.of(1000L, 3000L, 2000L), List.of(2600L, 2500L, 9000L), List.of(2000L, 2100L, 1L), List.of(7L));

        assertThat(report.bareMs()).isEqualTo(2000);
        assertThat(report.verifyMs()).isEqualTo(2600);
        assertThat(report.ratio()).isEqualTo(1.3);
        assertThat(report.render())
                .contains("goal ratio <= 1.3: met (", "goal sandbox_ready_ms <= 2000: met (sandbox_ready_ms 2000)");
    }

    @Test
    void needsAtLeastOneRun() {
        assertThatThrownBy(() -> new VerifyReport(List.of(), List.of(1L), List.of(1L), List.of(1L)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
