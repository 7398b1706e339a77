package io.bulwark.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.Outcome;
import io.bulwark.notifier.Events;
import org.junit.jupiter.api.Test;

class NotificationRuleTest {

    private final NotificationRule rule = new NotificationRule(true);

    @Test
    void failedVerificationIsAnErrorNamingTheBackupAndTheFailedChecks() {
        BackupVerified event = Events.verified("chinook", Outcome.FAILED);

        Notification n = rule.onBackupVerified(event).orElseThrow();

        assertThat(n.severity()).isEqualTo(Severity.ERROR);
        assertThat(n.kind()).isEqualTo("verification.failed");
        assertThat(n.summary())
                .isEqualTo("Backup " + event.backupId().toString().substring(0, 8)
                        + " of chinook FAILED verification: checksum, row-counts");
        assertThat(n.failedChecks()).containsExactly("checksum", "row-counts");
        assertThat(n.reason())
                .isEqualTo("checksum: sha256 differs; row-counts: public.track: 3503 expected, 3502 restored");
        assertThat(n.backupId()).isEqualTo(event.backupId());
        assertThat(n.targetId()).isEqualTo("chinook");
        assertThat(n.reportKey()).isEqualTo(event.reportKey());
        assertThat(n.occurredAt()).isEqualTo(event.occurredAt());
    }

    @Test
    void verificationThatCouldNotJudgeIsAWarning() {
        Notification n =
                rule.onBackupVerified(Events.verified("chinook", Outcome.ERROR)).orElseThrow();

        assertThat(n.severity()).isEqualTo(Severity.WARNING);
        assertThat(n.kind()).isEqualTo("verification.error");
        assertThat(n.summary()).contains("could not complete").endsWith(": checksum");
    }

    @Test
    void anErrorNotWorthRetryingSaysSoAndWhatToDo() {
        BackupVerified e = Events.verified("chinook", Outcome.ERROR);
        BackupVerified notRetried = new BackupVerified(
                e.eventId(),
                e.occurredAt(),
                e.schemaVersion(),
                e.backupId(),
                e.targetId(),
                e.outcome(),
                e.checks(),
                e.timings(),
                e.sandboxKind(),
                e.reportKey(),
                e.prefix(),
                e.backupCompletedAt(),
                e.tier(),
                null,
                false);

        assertThat(rule.onBackupVerified(notRetried).orElseThrow().reason())
                .contains("not retried", "fix the verifier's configuration");
        assertThat(rule.onBackupVerified(e).orElseThrow().reason()).doesNotContain("not retried");
    }

    @Test
    void passedVerificationIsInfoWhenNotifyOnPassedIsSet() {
        Notification n = rule.onBackupVerified(Events.verified("chinook", Outcome.PASSED))
                .orElseThrow();

        assertThat(n.severity()).isEqualTo(Severity.INFO);
        assertThat(n.kind()).isEqualTo("verification.passed");
        assertThat(n.summary()).contains("PASSED verification (3 checks, restore 900 ms)");
        assertThat(n.failedChecks()).isEmpty();
        assertThat(n.reason()).isNull();
    }

    @Test
    void passedVerificationNotifiesNobodyWhenNotifyOnPassedIsOff() {
        NotificationRule quiet = new NotificationRule(false);

        assertThat(quiet.onBackupVerified(Events.verified("chinook", Outcome.PASSED)))
                .isEmpty();
        assertThat(quiet.onBackupVerified(Events.verified("chinook", Outcome.FAILED)))
                .isPresent();
        assertThat(quiet.onBackupVerified(Events.verified("chinook", Outcome.ERROR)))
                .isPresent();
        assertThat(quiet.onBackupFailed(Events.failed("chinook"))).isPresent();
    }

    @Test
    void everyFailedBackupIsAnErrorWithItsReason() {
        BackupFailed event = Events.failed("chinook");

        Notification n = rule.onBackupFailed(event).orElseThrow();

        assertThat(n.severity()).isEqualTo(Severity.ERROR);
        assertThat(n.kind()).isEqualTo("backup.failed");
        assertThat(n.reason()).startsWith("CONNECTION_REFUSED: pg_dump: error: connection to server");
        assertThat(n.summary())
                .startsWith("Backup " + event.backupId().toString().substring(0, 8)
                        + " of chinook FAILED (CONNECTION_REFUSED, attempt 1, retryable): pg_dump: error:");
        assertThat(n.reportKey()).isNull();
    }

    @Test
    void longMultiLineToolMessagesAreFoldedAndCut() {
        BackupFailed base = Events.failed("chinook");
        BackupFailed event = new BackupFailed(
                base.eventId(),
                base.occurredAt(),
                1,
                base.requestId(),
                null,
                "chinook",
                base.reason(),
                "line one\nline two\n" + "x".repeat(5_000),
                2,
                3,
                false);

        Notification n = rule.onBackupFailed(event).orElseThrow();

        assertThat(n.summary())
                .startsWith("Backup of chinook FAILED (CONNECTION_REFUSED, attempt 3): line one | line two");
        assertThat(n.reason()).doesNotContain("\n").hasSizeLessThan(NotificationRule.MAX_MESSAGE + 50);
    }

    @Test
    void theSameEventAlwaysGivesTheSameNotificationId() {
        BackupVerified event = Events.verified("chinook", Outcome.FAILED);

        assertThat(rule.onBackupVerified(event).orElseThrow().notificationId())
                .isEqualTo(rule.onBackupVerified(event).orElseThrow().notificationId())
                .isNotEqualTo(event.eventId());
    }
}
