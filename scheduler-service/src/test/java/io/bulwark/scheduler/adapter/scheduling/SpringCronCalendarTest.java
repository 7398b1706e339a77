package io.bulwark.scheduler.adapter.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Next-run computation in wall-clock time, daylight saving of Europe/Berlin in 2026 included. */
class SpringCronCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final SpringCronCalendar calendar = new SpringCronCalendar();

    @Test
    void fiveFieldsSixFieldsAndMacrosAreReadInTheZone() {
        Instant after = Instant.parse("2026-06-01T10:00:00Z");
        assertThat(calendar.next("0 2 * * *", BERLIN, after)).contains(Instant.parse("2026-06-02T00:00:00Z"));
        assertThat(calendar.next("*/2 * * * * *", ZoneId.of("UTC"), after))
                .contains(Instant.parse("2026-06-01T10:00:02Z"));
        assertThat(calendar.next("@daily", ZoneId.of("UTC"), after)).contains(Instant.parse("2026-06-02T00:00:00Z"));
    }

    @Test
    void aTimeInTheSpringForwardGapFiresOnceAfterTheGap() {
        List<Instant> runs = runs("30 2 * * *", "2026-03-28T12:00:00Z", 3);

        assertThat(runs)
                .containsExactly(
                        Instant.parse("2026-03-29T01:30:00Z"), // 03:30 CEST: 02:30 does not exist that night
                        Instant.parse("2026-03-30T00:30:00Z"),
                        Instant.parse("2026-03-31T00:30:00Z"));
    }

    @Test
    void aTimeInTheGapMergesWithTheSameTimeAfterIt() {
        assertThat(runs("30 2-3 * * *", "2026-03-28T12:00:00Z", 3))
                .containsExactly(
                        Instant.parse("2026-03-29T01:30:00Z"),
                        Instant.parse("2026-03-30T00:30:00Z"),
                        Instant.parse("2026-03-30T01:30:00Z"));
    }

    @Test
    void aRepeatedTimeOfTheFallBackOverlapFiresOnlyAtItsFirstPass() {
        assertThat(runs("30 2 * * *", "2026-10-24T12:00:00Z", 2))
                .containsExactly(
                        Instant.parse("2026-10-25T00:30:00Z"), // 02:30 CEST; not again at 02:30 CET (01:30Z)
                        Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void anHourlyExpressionFiresOnceForTheRepeatedHour() {
        assertThat(runs("0 * * * *", "2026-10-24T23:30:00Z", 4))
                .containsExactly(
                        Instant.parse("2026-10-25T00:00:00Z"), // 02:00 CEST
                        Instant.parse("2026-10-25T02:00:00Z"), // 03:00 CET; 02:00 CET (01:00Z) is skipped
                        Instant.parse("2026-10-25T03:00:00Z"),
                        Instant.parse("2026-10-25T04:00:00Z"));
    }

    @Test
    void fromTheSecondPassOfTheOverlapTheRepeatedTimesAreNotFired() {
        assertThat(calendar.next("30 2 * * *", BERLIN, Instant.parse("2026-10-25T01:10:00Z")))
                .contains(Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void anExpressionThatDoesNotParseIsRefusedWithAnExplanation() {
        assertThatThrownBy(() -> calendar.check("61 * * * *"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("61");
        assertThatThrownBy(() -> calendar.check("* * *"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 fields");
    }

    private List<Instant> runs(String cron, String from, int count) {
        List<Instant> runs = new ArrayList<>();
        Instant at = Instant.parse(from);
        for (int i = 0; i < count; i++) {
            at = calendar.next(cron, BERLIN, at).orElseThrow();
            runs.add(at);
        }
        return runs;
    }
}
