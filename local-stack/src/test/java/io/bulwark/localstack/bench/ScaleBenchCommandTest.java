package io.bulwark.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScaleBenchCommandTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID C = UUID.randomUUID();

    private static ScaleRound.Result result(
            Map<UUID, String> states, Map<UUID, Long> completions, Map<UUID, Long> verifications, long millis) {
        Map<UUID, String> requested = new LinkedHashMap<>();
        states.keySet().forEach(id -> requested.put(id, "t-" + id));
        return new ScaleRound.Result(requested, states, completions, verifications, millis);
    }

    @Test
    void aRoundCountsItsLostAndDuplicatedBackupsAndItsThroughput() {
        ScaleRound.Result r = result(
                Map.of(A, "VERIFIED", B, "VERIFIED", C, "COMPLETED"),
                Map.of(A, 1L, B, 2L, C, 1L),
                Map.of(A, 1L, B, 3L),
                60_000);

        assertThat(r.verified()).isEqualTo(2);
        assertThat(r.lost()).as("not VERIFIED at the end").isEqualTo(1);
        assertThat(r.duplicated()).as("records beyond one per backup and topic").isEqualTo(3);
        assertThat(r.perMinute()).isEqualTo(2.0);
        assertThat(r.notVerified()).containsExactly(Map.entry("COMPLETED", 1L));
    }

    @Test
    void theRatioIsToTheRoundWithOneWorkerWhereverItRan() {
        ScaleRound.Result single = result(Map.of(A, "VERIFIED"), Map.of(A, 1L), Map.of(A, 1L), 60_000);
        ScaleRound.Result twice =
                result(Map.of(A, "VERIFIED", B, "VERIFIED"), Map.of(A, 1L, B, 1L), Map.of(A, 1L, B, 1L), 60_000);
        ScaleBenchCommand.Row one = new ScaleBenchCommand.Row(1, single);
        ScaleBenchCommand.Row two = new ScaleBenchCommand.Row(2, twice);

        assertThat(ScaleBenchCommand.line(two, List.of(two)))
                .isEqualTo("k=2 targets=2 verified=2 wall_s=60.0 per_min=2.0 ratio=n/a lost=0 duplicated=0");
        assertThat(ScaleBenchCommand.line(two, List.of(two, one))).contains("ratio=2.00");
        assertThat(ScaleBenchCommand.line(one, List.of(two, one))).contains("ratio=1.00");
    }
}
