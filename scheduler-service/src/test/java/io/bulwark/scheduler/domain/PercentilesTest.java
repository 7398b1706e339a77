package io.bulwark.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankPicksTheValueAtRankCeilOfPTimesNOver100() {
        List<Long> values = List.of(40L, 10L, 30L, 20L);
        assertThat(Percentiles.nearestRank(values, 50)).isEqualTo(20L);
        assertThat(Percentiles.nearestRank(values, 51)).isEqualTo(30L);
        assertThat(Percentiles.nearestRank(values, 95)).isEqualTo(40L);
        assertThat(Percentiles.nearestRank(values, 1)).isEqualTo(10L);
        assertThat(Percentiles.nearestRank(values, 100)).isEqualTo(40L);
        // Wikipedia's worked example: 15, 20, 35, 40, 50
        List<Long> example = List.of(15L, 20L, 35L, 40L, 50L);
        assertThat(Percentiles.nearestRank(example, 5)).isEqualTo(15L);
        assertThat(Percentiles.nearestRank(example, 30)).isEqualTo(20L);
        assertThat(Percentiles.nearestRank(example, 40)).isEqualTo(20L);
        assertThat(Percentiles.nearestRank(example, 50)).isEqualTo(35L);
    }

    @Test
    void exactRanksNeedNoFloatingPoint() {
        List<Long> twenty = LongStream.rangeClosed(1, 20).boxed().toList();
        assertThat(Percentiles.nearestRank(twenty, 95)).isEqualTo(19L);
        List<Long> hundred = LongStream.rangeClosed(1, 100).boxed().toList();
        assertThat(Percentiles.nearestRank(hundred, 95)).isEqualTo(95L);
    }

    @Test
    void noValuesNoPercentileAndOutOfRangeIsRejected() {
        assertThat(Percentiles.nearestRank(List.of(), 50)).isNull();
        assertThatThrownBy(() -> Percentiles.nearestRank(List.of(1L), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(List.of(1L), 101))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trendIsTheNewerHalfsMedianMinusTheOlderHalfs() {
        assertThat(Percentiles.trend(List.of(100L))).isNull();
        assertThat(Percentiles.trend(List.of())).isNull();
        assertThat(Percentiles.trend(List.of(100L, 150L))).isEqualTo(50L);
        // older half [100, 120], newer half [200, 90, 300] -> p50 200 minus p50 100
        assertThat(Percentiles.trend(List.of(100L, 120L, 200L, 90L, 300L))).isEqualTo(100L);
        assertThat(Percentiles.trend(List.of(500L, 400L, 100L, 200L))).isEqualTo(-300L);
    }
}
