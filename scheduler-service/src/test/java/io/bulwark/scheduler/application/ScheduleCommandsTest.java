package io.bulwark.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.bulwark.contracts.Tier;
import io.bulwark.scheduler.adapter.scheduling.SpringCronCalendar;
import io.bulwark.scheduler.domain.MissedRunPolicy;
import io.bulwark.scheduler.domain.Schedule;
import io.bulwark.scheduler.domain.ScheduleSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Validation and ownership rules of the schedule commands, and the next runs query. */
class ScheduleCommandsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T07:15:00Z");

    private final InMemoryScheduleCatalog catalog = new InMemoryScheduleCatalog();
    private final SpringCronCalendar calendar = new SpringCronCalendar();
    private final MutableClock clock = new MutableClock(NOW);
    private final RequestBackup requestBackup = mock(RequestBackup.class);
    private final ScheduleCommands commands =
            new ScheduleCommands(catalog, calendar, "chinook"::equals, requestBackup, clock, MissedRunPolicy.SKIP);

    @Test
    void createStoresAnApiScheduleWithDefaultsAndItsNextRun() {
        Schedule s = commands.create("chinook", "hourly", settings("0 * * * *", null, null));

        assertThat(s.source()).isEqualTo(ScheduleSource.API);
        assertThat(s.zone()).isEqualTo("UTC");
        assertThat(s.tier()).isEqualTo(Tier.DAILY);
        assertThat(s.enabled()).isTrue();
        assertThat(s.missedRunPolicy()).isEqualTo(MissedRunPolicy.SKIP);
        assertThat(s.nextRunAt()).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
        assertThat(catalog.find("chinook", "hourly")).contains(s);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertField(() -> commands.create("chinook", "x", settings("61 * * * *", null, null)), "cron", "61 * * * *");
        assertField(() -> commands.create("chinook", "x", settings(" ", null, null)), "cron", "required");
        assertField(() -> commands.create("chinook", "x", settings("@daily", "Mars/Olympus", null)), "zone", "Mars");
        assertField(
                () -> commands.create("nope", "x", settings("@daily", null, null)),
                "targetId",
                "target 'nope' is not configured");
        assertField(() -> commands.create(null, "x", settings("@daily", null, null)), "targetId", "required");
        assertField(() -> commands.create("chinook", "Bad Name", settings("@daily", null, null)), "name", "Bad Name");
        assertField(() -> commands.create("chinook", "x", settings("@daily", null, "UPPER")), "label", "UPPER");
        assertThat(catalog.all()).isEmpty();
    }

    @Test
    void aSecondScheduleWithTheSameNameConflicts() {
        commands.create("chinook", "hourly", settings("0 * * * *", null, null));
        assertThatThrownBy(() -> commands.create("chinook", "hourly", settings("@daily", null, null)))
                .isInstanceOf(ScheduleConflictException.class)
                .hasMessageContaining("exists already");
    }

    @Test
    void aConfigScheduleCannotBeReplacedOrDeletedButCanBeDisabledEnabledAndRun() {
        catalog.insert(configSchedule());

        assertThatThrownBy(() -> commands.replace("chinook", "nightly", settings("@hourly", null, null)))
                .isInstanceOf(ScheduleConflictException.class)
                .hasMessageContaining("declared in configuration");
        assertThatThrownBy(() -> commands.delete("chinook", "nightly"))
                .isInstanceOf(ScheduleConflictException.class)
                .hasMessageContaining("declared in configuration");

        Schedule disabled = commands.setEnabled("chinook", "nightly", false);
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.nextRunAt()).isNull();
        clock.set(NOW.plusSeconds(3600 * 30));
        Schedule enabled = commands.setEnabled("chinook", "nightly", true);
        assertThat(enabled.nextRunAt()).isEqualTo(Instant.parse("2026-12-05T02:00:00Z"));

        UUID id = UUID.randomUUID();
        when(requestBackup.scheduled(anyString(), anyString(), any(), any()))
                .thenReturn(FireDueSchedulesTest.requested(id, "chinook", "nightly"));
        assertThat(commands.runNow("chinook", "nightly").backupId()).isEqualTo(id);
        assertThat(catalog.find("chinook", "nightly").orElseThrow().lastBackupId())
                .isEqualTo(id);
    }

    @Test
    void replaceRecomputesTheNextRunAndDeleteRemoves() {
        commands.create("chinook", "hourly", settings("0 * * * *", null, null));
        clock.set(NOW.plusSeconds(60));

        Schedule replaced = commands.replace("chinook", "hourly", settings("0 0 * * *", "Europe/Berlin", "night"));
        assertThat(replaced.nextRunAt()).isEqualTo(Instant.parse("2026-12-03T23:00:00Z"));
        assertThat(replaced.label()).isEqualTo("night");
        assertThat(replaced.createdAt()).isEqualTo(NOW);

        commands.delete("chinook", "hourly");
        assertThat(catalog.all()).isEmpty();
        assertThatThrownBy(() -> commands.delete("chinook", "hourly")).isInstanceOf(ScheduleNotFoundException.class);
    }

    @Test
    void nextRunsMergesTheSchedulesSoonestFirst() {
        commands.create("chinook", "hourly", settings("0 * * * *", null, null));
        commands.create("chinook", "daily", settings("30 7 * * *", null, null));
        commands.create("chinook", "off", new ScheduleSettings("* * * * *", null, null, null, false, null));

        List<NextRun> runs = new NextRuns(catalog, calendar).next(Optional.of("chinook"), 3);

        assertThat(runs)
                .extracting(r -> r.name() + "@" + r.at())
                .containsExactly(
                        "daily@2026-12-03T07:30:00Z", "hourly@2026-12-03T08:00:00Z", "hourly@2026-12-03T09:00:00Z");
        assertThat(new NextRuns(catalog, calendar).next(Optional.empty(), 30))
                .extracting(NextRun::name)
                .contains("daily")
                .doesNotContain("off");
        assertThatThrownBy(() -> new NextRuns(catalog, calendar).next(Optional.empty(), 0))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aTargetsUpcomingRunsAreItsEnabledStoredSchedulesEvenWithAnOversizedLimit() {
        commands.create("chinook", "hourly", settings("0 * * * *", null, null));
        commands.create("chinook", "off", new ScheduleSettings("* * * * *", null, null, null, false, null));

        List<UpcomingRun> runs =
                new ScheduledUpcomingRuns(new NextRuns(catalog, calendar)).forTarget("chinook", 10_000);

        assertThat(runs).hasSize(NextRuns.MAX_LIMIT).allMatch(r -> r.name().equals("hourly"));
        assertThat(runs.getFirst())
                .isEqualTo(new UpcomingRun("chinook", "hourly", Instant.parse("2026-12-03T08:00:00Z")));
        assertThat(new ScheduledUpcomingRuns(new NextRuns(catalog, calendar)).forTarget("other", 5))
                .isEmpty();
    }

    private static ScheduleSettings settings(String cron, String zone, String label) {
        return new ScheduleSettings(cron, zone, null, label, null, null);
    }

    private static Schedule configSchedule() {
        return new Schedule(
                "chinook",
                "nightly",
                "0 2 * * *",
                "UTC",
                Tier.DAILY,
                null,
                true,
                ScheduleSource.CONFIG,
                MissedRunPolicy.RUN_ONCE,
                Instant.parse("2026-12-04T02:00:00Z"),
                null,
                null,
                NOW,
                NOW);
    }

    private static void assertField(ThrowingCallable call, String field, String detail) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(detail);
    }
}
