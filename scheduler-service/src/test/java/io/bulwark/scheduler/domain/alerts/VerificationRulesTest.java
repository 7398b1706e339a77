package io.bulwark.scheduler.domain.alerts;

import static io.bulwark.scheduler.domain.alerts.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.AlertKind;
import io.bulwark.contracts.AlertSeverity;
import io.bulwark.contracts.Outcome;
import io.bulwark.scheduler.domain.Backup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link VerificationFailed}, {@link ConsecutiveFailures} and {@link ObjectStoreUnreachable}. */
class VerificationRulesTest {

    private final VerificationFailed failed = new VerificationFailed();
    private final ConsecutiveFailures consecutive = new ConsecutiveFailures(3);

    @Test
    void aLatestVerificationThatFailedIsCriticalAndOneThatErredAWarning() {
        Backup bad = Fixtures.verification(Outcome.FAILED, 1);
        Backup erred = Fixtures.verification(Outcome.ERROR, 1);
        Backup passedBefore = Fixtures.verification(Outcome.PASSED, 25);

        assertThat(failed.evaluate(Fixtures.chinook(passedBefore, List.of(bad, passedBefore)), NOW))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(AlertKind.VERIFICATION_FAILED);
                    assertThat(f.severity()).isEqualTo(AlertSeverity.CRITICAL);
                    assertThat(f.summary()).contains("ended FAILED (failed checks: row-counts)");
                    assertThat(f.backupId()).isEqualTo(bad.backupId());
                });
        assertThat(failed.evaluate(Fixtures.chinook(passedBefore, List.of(erred, passedBefore)), NOW))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(AlertSeverity.WARNING));
    }

    @Test
    void aLatestVerificationThatPassedRaisesNothing() {
        Backup bad = Fixtures.verification(Outcome.FAILED, 25);
        Backup good = Fixtures.verification(Outcome.PASSED, 1);

        assertThat(failed.evaluate(Fixtures.chinook(good, List.of(good, bad)), NOW))
                .isEmpty();
    }

    @Test
    void threeVerificationsInARowThatDidNotPassAreConsecutiveFailures() {
        List<Backup> three = List.of(
                Fixtures.verification(Outcome.FAILED, 1),
                Fixtures.verification(Outcome.ERROR, 25),
                Fixtures.verification(Outcome.FAILED, 49),
                Fixtures.verification(Outcome.PASSED, 73));
        List<Backup> brokenByAPass = List.of(
                Fixtures.verification(Outcome.FAILED, 1),
                Fixtures.verification(Outcome.PASSED, 25),
                Fixtures.verification(Outcome.FAILED, 49));

        assertThat(consecutive.evaluate(Fixtures.chinook(null, three), NOW))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(AlertSeverity.CRITICAL);
                    assertThat(f.summary()).isEqualTo("chinook: the last 3 verifications did not pass");
                });
        assertThat(consecutive.evaluate(Fixtures.chinook(null, brokenByAPass), NOW))
                .isEmpty();
        assertThat(consecutive.evaluate(Fixtures.chinook(null, three.subList(0, 2)), NOW))
                .isEmpty();
    }

    @Test
    void anUnansweringObjectStoreIsAnInstallationAlert() {
        ObjectStoreUnreachable store = new ObjectStoreUnreachable();

        assertThat(store.evaluate(TargetAlertState.installation("no answer within 2000 ms"), NOW))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.targetId()).isEqualTo("_all");
                    assertThat(f.severity()).isEqualTo(AlertSeverity.CRITICAL);
                    assertThat(f.summary()).isEqualTo("object store does not answer: no answer within 2000 ms");
                });
        assertThat(store.evaluate(TargetAlertState.installation(null), NOW)).isEmpty();
    }
}
