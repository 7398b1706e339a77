package io.bulwark.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import io.bulwark.scheduler.adapter.scheduling.SpringCronCalendar;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.BackupState;
import io.bulwark.scheduler.domain.MissedRunPolicy;
import io.bulwark.scheduler.domain.Schedule;
import io.bulwark.scheduler.domain.ScheduleSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One poll after another with a clock moved by hand: the due times that fire (daylight saving in Europe/Berlin
 * included), the missed-run policies, the recorded last run.
 */
class FireDueSchedulesTest {

    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration TOLERANCE = POLL.plus(Duration.ofMinutes(1));

    private final InMemoryScheduleCatalog catalog = new InMemoryScheduleCatalog();
    private final SpringCronCalendar calendar = new SpringCronCalendar();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-28T12:00:00Z"));
    private final List<Instant> firedAt = new ArrayList<>();
    private final RequestBackup requestBackup = recordingRequests();
    private final FireDueSchedules fire =
            new FireDueSchedules(catalog, calendar, requestBackup, new InlineTransactions(), clock, TOLERANCE);

    @Test
    void springForwardGapFiresTheDailyRunOnceAfterTheGap() {
        store("30 2 * * *", "Europe/Berlin", MissedRunPolicy.RUN_ONCE, Instant.parse("2026-03-28T12:00:00Z"));

        pollUntil(Instant.parse("2026-03-31T12:00:00Z"));

        // 02:30 does not exist on 2026-03-29 (02:00 CET jumps to 03:00 CEST): it fires at 03:30 CEST instead
        assertThat(firedAt)
                .containsExactly(
                        Instant.parse("2026-03-29T01:30:00Z"),
                        Instant.parse("2026-03-30T00:30:00Z"),
                        Instant.parse("2026-03-31T00:30:00Z"));
    }

    @Test
    void fallBackOverlapFiresTheDailyRunOnceAtItsFirstPass() {
        clock.set(Instant.parse("2026-10-24T12:00:00Z"));
        store("30 2 * * *", "Europe/Berlin", MissedRunPolicy.RUN_ONCE, clock.instant());

        pollUntil(Instant.parse("2026-10-26T12:00:00Z"));

        // 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET) on 2026-10-25: only the first fires
        assertThat(firedAt)
                .containsExactly(Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void aMissedRunUnderRunOnceFiresOnceThenContinuesWithTheNextFutureTime() {
        Instant due = Instant.parse("2026-03-28T13:00:00Z");
        store("0 * * * *", "UTC", MissedRunPolicy.RUN_ONCE, Instant.parse("2026-03-28T12:30:00Z"));
        assertThat(schedule().nextRunAt()).isEqualTo(due);

        clock.set(due.plus(Duration.ofHours(5)).plusSeconds(17)); // five more due times passed unseen
        assertThat(fire.fireDue()).isEqualTo(1);
        assertThat(fire.fireDue()).isZero();

        assertThat(firedAt).containsExactly(clock.instant());
        assertThat(schedule().nextRunAt()).isEqualTo(Instant.parse("2026-03-28T19:00:00Z"));
        assertThat(schedule().lastRunAt()).isEqualTo(clock.instant());
        assertThat(schedule().lastBackupId()).isNotNull();
    }

    @Test
    void aMissedRunUnderSkipFiresNothingAndContinuesWithTheNextFutureTime() {
        store("0 * * * *", "UTC", MissedRunPolicy.SKIP, Instant.parse("2026-03-28T12:30:00Z"));

        clock.set(Instant.parse("2026-03-28T18:00:17Z"));
        assertThat(fire.fireDue()).isZero();

        assertThat(firedAt).isEmpty();
        assertThat(schedule().nextRunAt()).isEqualTo(Instant.parse("2026-03-28T19:00:00Z"));
        assertThat(schedule().lastRunAt()).isNull();
    }

    @Test
    void aDueTimeFoundWithinTheToleranceFiresEvenUnderSkip() {
        store("0 * * * *", "UTC", MissedRunPolicy.SKIP, Instant.parse("2026-03-28T12:30:00Z"));

        clock.set(Instant.parse("2026-03-28T13:00:00Z").plus(TOLERANCE));
        assertThat(fire.fireDue()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(fire.fireDue()).isZero();
    }

    @Test
    void aDisabledScheduleIsNotFired() {
        store("* * * * *", "UTC", MissedRunPolicy.RUN_ONCE, clock.instant());
        Schedule s = schedule();
        catalog.update(s.withEnabled(false, s.nextRunAt(), clock.instant()));

        clock.advance(Duration.ofMinutes(3));
        assertThat(fire.fireDue()).isZero();
        assertThat(firedAt).isEmpty();
    }

    private void pollUntil(Instant end) {
        while (clock.instant().isBefore(end)) {
            fire.fireDue();
            clock.advance(POLL);
        }
    }

    private void store(String cron, String zone, MissedRunPolicy policy, Instant from) {
        Instant next = calendar.next(cron, ZoneId.of(zone), from).orElseThrow();
        catalog.insert(new Schedule(
                "chinook",
                "nightly",
                cron,
                zone,
                Tier.DAILY,
                null,
                true,
                ScheduleSource.API,
                policy,
                next,
                null,
                null,
                from,
                from));
    }

    private Schedule schedule() {
        return catalog.find("chinook", "nightly").orElseThrow();
    }

    private RequestBackup recordingRequests() {
        RequestBackup mock = mock(RequestBackup.class);
        when(mock.scheduled(anyString(), anyString(), any(), any())).thenAnswer(call -> {
            firedAt.add(clock.instant());
            return requested(UUID.randomUUID(), call.getArgument(0), call.getArgument(1));
        });
        return mock;
    }

    /** A backup as {@link RequestBackup#scheduled} returns it. */
    static Backup requested(UUID id, String targetId, String scheduleId) {
        Instant at = Instant.parse("2026-03-28T12:00:00Z");
        return Backup.builder()
                .backupId(id)
                .requestId(id)
                .targetId(targetId)
                .scheduleId(scheduleId)
                .state(BackupState.REQUESTED)
                .trigger(Trigger.SCHEDULED)
                .tier(Tier.DAILY)
                .requestedAt(at)
                .firstSeenAt(at)
                .updatedAt(at)
                .build();
    }
}
