package io.bulwark.scheduler.domain.alerts;

import static io.bulwark.scheduler.domain.alerts.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.BackupState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlowBackupTest {

    private final SlowBackup rule = new SlowBackup(5);

    @Test
    void aDumpLongerThanTheTargetsLimitIsSlow() {
        Backup slow = dump(1, Duration.ofMinutes(40));

        assertThat(rule.evaluate(Fixtures.state(null, List.of(slow), List.of(), Set.of(), Duration.ofMinutes(30)), NOW))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.dedupKey()).isEqualTo("chinook/DURATION/dump");
                    assertThat(f.summary()).isEqualTo("chinook: dump took 40m; the limit is 30m");
                });
        assertThat(rule.evaluate(Fixtures.state(null, List.of(slow), List.of(), Set.of(), null), NOW))
                .isEmpty();
    }

    @Test
    void dumpsRisingAcrossTheWindowToMoreThanOneAndAHalfTimesAreSlow() {
        List<Backup> rising = dumps(10, 11, 12, 14, 16); // oldest first; 16 > 1.5 * 10

        assertThat(rule.evaluate(Fixtures.chinook(null, rising), NOW))
                .singleElement()
                .satisfies(f -> assertThat(f.summary()).contains("dumps are getting slower"));
    }

    @Test
    void dumpsRisingLessThanOneAndAHalfTimesOrNotEachTimeAreFine() {
        assertThat(rule.evaluate(Fixtures.chinook(null, dumps(10, 11, 12, 13, 14)), NOW))
                .isEmpty();
        assertThat(rule.evaluate(Fixtures.chinook(null, dumps(10, 12, 11, 14, 20)), NOW))
                .isEmpty();
        assertThat(rule.evaluate(Fixtures.chinook(null, dumps(10, 12, 16, 20)), NOW))
                .isEmpty();
    }

    @Test
    void aMeasuredRestoreAboveTheRtoIsSlow() {
        Backup verified = Fixtures.backup(BackupState.VERIFIED, 2)
                .verifiedAt(NOW.minusSeconds(3600))
                .restoreMillis(Duration.ofMinutes(75).toMillis())
                .build();
        Backup quick = Fixtures.backup(BackupState.VERIFIED, 1)
                .verifiedAt(NOW.minusSeconds(60))
                .restoreMillis(Duration.ofMinutes(20).toMillis())
                .build();

        assertThat(rule.evaluate(Fixtures.chinook(null, List.of(verified)), NOW))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.dedupKey()).isEqualTo("chinook/DURATION/restore");
                    assertThat(f.summary()).isEqualTo("chinook: measured restore took 1h 15m; RTO is 1h");
                });
        assertThat(rule.evaluate(Fixtures.chinook(null, List.of(verified, quick)), NOW))
                .as("the newest measurement counts")
                .isEmpty();
    }

    /** Dumps of the given minutes, oldest first, a day apart, the last one an hour ago. */
    private static List<Backup> dumps(long... minutes) {
        List<Backup> backups = new ArrayList<>();
        for (int i = 0; i < minutes.length; i++) {
            backups.add(dump(1 + 24L * (minutes.length - 1 - i), Duration.ofMinutes(minutes[i])));
        }
        return backups;
    }

    private static Backup dump(long hoursAgo, Duration took) {
        return Fixtures.backup(BackupState.COMPLETED, hoursAgo)
                .dumpMillis(took.toMillis())
                .build();
    }
}
