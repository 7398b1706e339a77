package io.bulwark.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.localstack.bench.CaptureReport.BareFigures;
import io.bulwark.localstack.bench.CaptureReport.WorkerFigures;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CaptureReportTest {

    private final BareFigures bare = new BareFigures(List.of(10_000L), 120_000_000L);

    @Test
    void printsTheFiguresRatiosHeapPerScaleSizesAndGoalsExactly() {
        WorkerFigures plain = new WorkerFigures(List.of(10_400L), List.of(10_100L), 119_000_000L, 81.26, false);
        WorkerFigures encrypted = new WorkerFigures(List.of(11_234L), List.of(11_000L), 119_500_000L, 84.0, true);

        CaptureReport report = new CaptureReport(50, bare, plain, encrypted, new TreeMap<>(Map.of(50, 84.0, 10, 80.0)));

        assertThat(report.lines())
                .containsExactly(
                        "bare_ms 10000",
                        "plain_ms 10400",
                        "plain_dump_ms 10100",
                        "encrypted_ms 11234",
                        "encrypted_dump_ms 11000",
                        "ratio_plain 1.040",
                        "ratio_encrypted 1.123",
                        "heap_mb_s10 80.0",
                        "heap_mb_s50 84.0",
                        "bare_bytes 120000000",
                        "plain_bytes 119000000",
                        "encrypted_bytes 119500000",
                        "goal ratio_plain <= 1.10: met (1.040)",
                        "goal ratio_encrypted <= 1.20: met (1.123)",
                        "goal heap flat within 10% between scales: met (s10 80.0 MB, s50 84.0 MB: max 84.0 is 5.0%"
                                + " above min 80.0)",
                        "goal heap <= 256 MB: met (peak 84.0 MB at s50)");
        assertThat(report.render())
                .startsWith("bare_ms 10000\nplain_ms 10400\n")
                .endsWith("at s50)\n");
    }

    @Test
    void saysWhichGoalsAreMissed() {
        WorkerFigures plain = new WorkerFigures(List.of(11_001L), List.of(10_000L), 1, 120, false);
        WorkerFigures encrypted = new WorkerFigures(List.of(14_401L), List.of(11_000L), 1, 300, true);
        BareFigures bareEncrypted = new BareFigures(List.of(12_000L), 1);

        List<String> lines =
                new CaptureReport(50, bare, bareEncrypted, plain, encrypted, Map.of(10, 100.0, 50, 300.0)).lines();

        assertThat(lines)
                .contains("ratio_plain 1.100", "bare_encrypted_ms 12000", "ratio_encrypted 1.200")
                .contains("goal ratio_plain <= 1.10: MISSED (1.100)")
                .contains("goal ratio_encrypted <= 1.20: MISSED (1.200)")
                .contains("goal heap flat within 10% between scales: MISSED (s10 100.0 MB, s50 300.0 MB: max 300.0"
                        + " is 200.0% above min 100.0)")
                .contains("goal heap <= 256 MB: MISSED (peak 300.0 MB at s50)");
    }

    @Test
    void roundsRatiosHalfUpToThreeDecimals() {
        assertThat(CaptureReport.decimals(CaptureReport.ratio(10_505, 10_000), 3))
                .isEqualTo("1.051");
        assertThat(CaptureReport.decimals(CaptureReport.ratio(2, 3), 3)).isEqualTo("0.667");
        assertThat(CaptureReport.ratio(1, 0)).isInfinite();
    }

    @Test
    void reportsMediansOfSeveralRuns() {
        BareFigures threeRuns = new BareFigures(List.of(900L, 1_200L, 1_000L), 5);
        WorkerFigures fourRuns =
                new WorkerFigures(List.of(1_100L, 1_000L, 1_400L, 1_001L), List.of(3L, 1L), 5, 1, true);

        CaptureReport report = new CaptureReport(1, threeRuns, fourRuns, fourRuns, Map.of(1, 1.0));

        assertThat(threeRuns.millis()).isEqualTo(1_000);
        assertThat(fourRuns.millis()).isEqualTo(1_051);
        assertThat(fourRuns.eventDumpMillis()).isEqualTo(2);
        assertThat(report.ratioPlain()).isEqualTo(1.051);
        assertThat(report.lines()).contains("bare_ms 1000", "plain_ms 1051", "ratio_plain 1.051");
    }

    @Test
    void doesNotJudgeAnEncryptedRunWhoseArtifactIsNotEncrypted() {
        WorkerFigures plain = new WorkerFigures(List.of(10_000L), List.of(9_000L), 1, 50, false);

        List<String> lines = new CaptureReport(50, bare, plain, plain, Map.of(10, 50.0, 50, 50.0)).lines();

        assertThat(lines)
                .contains("ratio_encrypted 1.000")
                .anyMatch(l -> l.startsWith("goal ratio_encrypted <= 1.20: NOT MEASURED (the artifact of the encrypted"
                        + " run is not encrypted"));
    }

    @Test
    void cannotJudgeFlatHeapWithOneScale() {
        WorkerFigures w = new WorkerFigures(List.of(100L), List.of(90L), 1, 60.04, true);

        List<String> lines = new CaptureReport(1, bare, w, w, Map.of(1, 60.04)).lines();

        assertThat(lines)
                .contains("heap_mb_s1 60.0")
                .contains("goal heap flat within 10% between scales: NOT MEASURED (one scale only: s1; use"
                        + " --heap-scales 10,50)")
                .contains("goal heap <= 256 MB: met (peak 60.0 MB at s1)");
    }

    @Test
    void measuresHeapSpreadFromTheSmallestFigure() {
        assertThat(CaptureReport.heapSpread(Map.of(10, 100.0, 50, 110.0, 100, 105.0)))
                .isCloseTo(0.10, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(CaptureReport.heapSpread(Map.of(10, 100.0))).isZero();
    }

    @Test
    void needsTheHeapOfTheTimedScaleAndAtLeastOneRun() {
        WorkerFigures w = new WorkerFigures(List.of(1L), List.of(1L), 1, 1, true);

        assertThatThrownBy(() -> new CaptureReport(50, bare, w, w, Map.of(10, 1.0)))
                .hasMessage("no heap figure for scale 50");
        assertThatThrownBy(() -> new BareFigures(List.of(), 1)).hasMessage("at least one run is needed");
    }
}
