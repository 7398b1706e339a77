package io.bulwark.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.RestoreCompleted;
import io.bulwark.contracts.RestoreFailed;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.RestoredDatabase;
import io.bulwark.notifier.Events;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
    void aPassedVerificationOfAFlawedSourceWarnsNamingTheSourcesFlawsEvenWhenPassedIsQuiet() {
        BackupVerified passed = Events.verified("chinook", Outcome.PASSED);
        String flaws = "1 flaws of the source at dump time, which the backup faithfully reproduces: the source itself"
                + " has 2 orphan rows under public.child.child_parent_fk";
        BackupVerified flawed =
                withChecks(passed, append(passed.checks(), "source-health", CheckStatus.WARNING, flaws));

        Notification n = new NotificationRule(false).onBackupVerified(flawed).orElseThrow();

        assertThat(n.severity()).isEqualTo(Severity.WARNING);
        assertThat(n.kind()).isEqualTo("verification.source-health");
        assertThat(n.summary()).contains("PASSED verification, but its source has flaws of its own");
        assertThat(n.reason()).contains("the source itself has 2 orphan rows under public.child.child_parent_fk");
        BackupVerified failed = Events.verified("chinook", Outcome.FAILED);
        assertThat(rule.onBackupVerified(withChecks(
                                failed, append(failed.checks(), "source-health", CheckStatus.WARNING, flaws)))
                        .orElseThrow()
                        .reason())
                .contains("source health: ", "2 orphan rows");
    }

    @Test
    void aFailedRestoreIsAnErrorWithItsReasonAndASucceededOneIsInfo() {
        UUID restoreId = UUID.randomUUID();
        UUID backupId = UUID.randomUUID();
        RestoredDatabase destination =
                new RestoredDatabase("staging", "postgresql", "db", 5432, "chinook_restored_x", true, false, "15.20");
        RestoreFailed failed = new RestoreFailed(
                UUID.randomUUID(),
                Events.AT,
                1,
                restoreId,
                "chinook",
                backupId,
                "chinook/p/",
                RestoreFailureReason.PROOF_FAILED,
                "row-counts: public.track (source 3503, restored 3502)",
                destination,
                true,
                List.of(new CheckResult("row-counts", CheckStatus.FAILED, "public.track differs", 3)),
                "chinook/p/restores/x/restore.json",
                null);

        Notification n = rule.onRestoreFailed(failed).orElseThrow();

        assertThat(n.severity()).isEqualTo(Severity.ERROR);
        assertThat(n.kind()).isEqualTo("restore.failed");
        assertThat(n.summary()).contains("into chinook_restored_x", "FAILED (PROOF_FAILED)");
        assertThat(n.failedChecks()).containsExactly("row-counts");
        assertThat(n.reason()).startsWith("PROOF_FAILED: row-counts: public.track");
        assertThat(n.reportKey()).isEqualTo("chinook/p/restores/x/restore.json");

        RestoreCompleted completed = new RestoreCompleted(
                UUID.randomUUID(),
                Events.AT,
                1,
                restoreId,
                "chinook",
                backupId,
                "chinook/p/",
                destination,
                false,
                List.of(),
                null,
                null,
                null);
        Notification done = rule.onRestoreCompleted(completed).orElseThrow();
        assertThat(done.severity()).isEqualTo(Severity.INFO);
        assertThat(done.summary()).contains("SUCCEEDED into chinook_restored_x", "proven");
    }

    private static List<CheckResult> append(List<CheckResult> checks, String name, CheckStatus status, String detail) {
        List<CheckResult> all = new ArrayList<>(checks);
        all.add(new CheckResult(name, status, detail, 0));
        return all;
    }

    private static BackupVerified withChecks(BackupVerified e, List<CheckResult> checks) {
        return new BackupVerified(
                e.eventId(),
                e.occurredAt(),
                e.schemaVersion(),
                e.backupId(),
                e.targetId(),
                e.outcome(),
                checks,
                e.timings(),
                e.sandboxKind(),
                e.reportKey(),
                e.prefix(),
                e.backupCompletedAt(),
                e.tier(),
                null,
                null);
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
