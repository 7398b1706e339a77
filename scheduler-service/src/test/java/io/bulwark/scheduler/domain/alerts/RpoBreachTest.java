package io.bulwark.scheduler.domain.alerts;

import static io.bulwark.scheduler.domain.alerts.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.AlertKind;
import io.bulwark.contracts.AlertSeverity;
import io.bulwark.scheduler.domain.Backup;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RpoBreachTest {

    private final RpoBreach rule = new RpoBreach();

    @Test
    void aVerifiedBackupOlderThanTheRpoBreachesIt() {
        Backup old = Fixtures.verified(26, 1000);

        List<Finding> findings = rule.evaluate(Fixtures.chinook(old, List.of(old)), NOW);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(AlertKind.RPO_BREACH);
            assertThat(f.severity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(f.summary()).isEqualTo("chinook: no verified backup for 26h; RPO is 25h");
            assertThat(f.dedupKey()).isEqualTo("chinook/RPO_BREACH");
        });
    }

    @Test
    void aVerifiedBackupWithinTheRpoIsFine() {
        Backup fresh = Fixtures.verified(24, 1000);

        assertThat(rule.evaluate(Fixtures.chinook(fresh, List.of(fresh)), NOW)).isEmpty();
    }

    @Test
    void aTargetNeverVerifiedBreachesOnceWatchedLongerThanTheRpo() {
        TargetAlertState watchedLong = new TargetAlertState(
                "chinook",
                Duration.ofHours(25),
                Duration.ofHours(1),
                null,
                NOW.minus(Duration.ofHours(30)),
                null,
                List.of(),
                List.of(),
                Set.of(),
                null);
        TargetAlertState watchedShort = new TargetAlertState(
                "chinook",
                Duration.ofHours(25),
                Duration.ofHours(1),
                null,
                NOW.minus(Duration.ofHours(2)),
                null,
                List.of(),
                List.of(),
                Set.of(),
                null);

        assertThat(rule.evaluate(watchedLong, NOW))
                .singleElement()
                .satisfies(f -> assertThat(f.summary()).contains("no verified backup in 30h"));
        assertThat(rule.evaluate(watchedShort, NOW)).isEmpty();
    }

    @Test
    void theInstallationHasNoRpo() {
        assertThat(rule.evaluate(TargetAlertState.installation(null), NOW)).isEmpty();
    }
}
