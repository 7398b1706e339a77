package io.bulwark.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.bulwark.contracts.Tier;
import io.bulwark.scheduler.adapter.scheduling.SpringCronCalendar;
import io.bulwark.scheduler.domain.MissedRunPolicy;
import io.bulwark.scheduler.domain.Schedule;
import io.bulwark.scheduler.domain.ScheduleSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Start-up reconciliation of the configured schedules with the stored ones. */
class ReconcileSchedulesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T07:15:00Z");

    private final InMemoryScheduleCatalog catalog = new InMemoryScheduleCatalog();
    private final SpringCronCalendar calendar = new SpringCronCalendar();
    private final MutableClock clock = new MutableClock(NOW);
    private final ReconcileSchedules reconcile =
            new ReconcileSchedules(catalog, calendar, new InlineTransactions(), clock);
    private final ScheduleCommands commands = new ScheduleCommands(
            catalog, calendar, id -> true, mock(RequestBackup.class), clock, MissedRunPolicy.RUN_ONCE);

    @Test
    void configuredSchedulesAreUpsertedKeepingEnabledAndRemovedOnesDeletedApiOnesKept() {
        reconcile.reconcile(List.of(
                configured("nightly", "0 2 * * *", Tier.DAILY, MissedRunPolicy.RUN_ONCE),
                configured("weekly", "0 3 * * 0", Tier.WEEKLY, MissedRunPolicy.SKIP)));
        commands.create("chinook", "adhoc", new ScheduleSettings("@hourly", null, null, null, null, null));
        commands.setEnabled("chinook", "nightly", false);
        Instant weeklyNext = catalog.find("chinook", "weekly").orElseThrow().nextRunAt();
        assertThat(weeklyNext).isEqualTo(Instant.parse("2026-12-06T03:00:00Z"));

        clock.set(NOW.plusSeconds(3600 * 24 * 5)); // down over the weekly due time
        reconcile.reconcile(List.of(
                configured("nightly", "0 4 * * *", Tier.MONTHLY, MissedRunPolicy.SKIP),
                configured("weekly", "0 3 * * 0", Tier.WEEKLY, MissedRunPolicy.SKIP)));

        Schedule nightly = catalog.find("chinook", "nightly").orElseThrow();
        assertThat(nightly.cron()).isEqualTo("0 4 * * *");
        assertThat(nightly.tier()).isEqualTo(Tier.MONTHLY);
        assertThat(nightly.missedRunPolicy()).isEqualTo(MissedRunPolicy.SKIP);
        assertThat(nightly.enabled()).as("as the operator set it").isFalse();
        assertThat(catalog.find("chinook", "weekly").orElseThrow().nextRunAt())
                .as("kept, so the missed run follows the policy")
                .isEqualTo(weeklyNext);
        assertThat(catalog.find("chinook", "adhoc").orElseThrow().source()).isEqualTo(ScheduleSource.API);

        reconcile.reconcile(List.of(configured("weekly", "0 3 * * 0", Tier.WEEKLY, MissedRunPolicy.SKIP)));
        assertThat(catalog.all()).extracting(Schedule::name).containsExactly("adhoc", "weekly");
    }

    @Test
    void aChangedCronGetsANextRunFromNow() {
        reconcile.reconcile(List.of(configured("nightly", "0 2 * * *", Tier.DAILY, MissedRunPolicy.RUN_ONCE)));
        clock.set(Instant.parse("2026-12-10T10:00:00Z"));
        reconcile.reconcile(List.of(configured("nightly", "0 5 * * *", Tier.DAILY, MissedRunPolicy.RUN_ONCE)));

        assertThat(catalog.find("chinook", "nightly").orElseThrow().nextRunAt())
                .isEqualTo(Instant.parse("2026-12-11T05:00:00Z"));
    }

    private static ConfiguredSchedule configured(String name, String cron, Tier tier, MissedRunPolicy policy) {
        return new ConfiguredSchedule("chinook", name, cron, "UTC", tier, null, policy);
    }
}
