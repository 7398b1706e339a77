package io.bulwark.notifier.domain;

import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.RestoreCompleted;
import io.bulwark.contracts.RestoreFailed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which events become notifications :
 *
 * <ul>
 *   <li>every {@link BackupFailed}: severity ERROR, kind {@code backup.failed};
 *   <li>a {@link BackupVerified} with outcome FAILED: ERROR, {@code verification.failed} (the backup
 *       is proven bad);
 *   <li>a {@link BackupVerified} with outcome ERROR: WARNING, {@code verification.error} (the
 *       verification could not judge; not a verdict on the backup);
 *   <li>a {@link BackupVerified} with outcome PASSED whose {@code source-health} check found flaws of the source
 *       itself (orphan rows under a foreign key, a sequence behind its column): WARNING, {@code
 *       verification.source-health}, naming them (the backup is good; the source is not);
 *   <li>a {@link BackupVerified} with outcome PASSED otherwise: INFO, {@code verification.passed}, only when
 *       {@code notifyOnPassed} is set;
 *   <li>a {@link RestoreFailed}: ERROR, {@code restore.failed}, with the reason and what differs;
 *   <li>a {@link RestoreCompleted}: INFO, {@code restore.succeeded}: someone asked for it and waits for it.
 * </ul>
 *
 * A FAILED or ERROR verification's notification also names the source-health findings.
 *
 * <p>Immutable and thread-safe.
 */
public final class NotificationRule {

    /** The check that names the source's own flaws (the verifier's {@code CheckNames.SOURCE_HEALTH}). */
    static final String SOURCE_HEALTH = "source-health";

    /** Longest tool message copied into a notification, in characters. */
    static final int MAX_MESSAGE = 1_000;

    private final boolean notifyOnPassed;
    private final String publicUrl;

    /**
     * A rule whose notifications carry no link.
     *
     * @param notifyOnPassed true to notify on each PASSED verification too
     */
    public NotificationRule(boolean notifyOnPassed) {
        this(notifyOnPassed, null);
    }

    /**
     * @param notifyOnPassed true to notify on each PASSED verification too
     * @param publicUrl the console's public base URL ({@code bulwark.console.public-url}, e.g. {@code
     *     https://bulwark.example.com}), or null: the {@code link} of a notification about a backup is then {@code
     *     <publicUrl>/api/backups/<backupId>/report.html}, of any other {@code <publicUrl>/console/}; null without it
     */
    public NotificationRule(boolean notifyOnPassed, String publicUrl) {
        this.notifyOnPassed = notifyOnPassed;
        this.publicUrl = publicUrl == null || publicUrl.isBlank()
                ? null
                : publicUrl.strip().replaceAll("/+$", "");
    }

    /** The notification for a backup that could not be taken; there always is one. */
    public Optional<Notification> onBackupFailed(BackupFailed event) {
        return onBackupFailedPlain(event).map(n -> withLink(n, List.of()));
    }

    /**
     * The notification for a verification: always when it did not PASS, and for a PASSED one only when {@code
     * notifyOnPassed} is set. It names the source-health findings (the {@code source-health} check's detail when
     * that check did not pass) in {@link Notification#findings()}.
     */
    public Optional<Notification> onBackupVerified(BackupVerified event) {
        List<String> findings = event.checks().stream()
                .filter(c -> c.name().equals(SOURCE_HEALTH)
                        && c.status() != CheckStatus.PASSED
                        && c.status() != CheckStatus.SKIPPED
                        && c.detail() != null
                        && !c.detail().isBlank())
                .map(c -> trim(c.detail()))
                .toList();
        return onBackupVerifiedPlain(event).map(n -> withLink(n, findings));
    }

    /** The notification for a restore that failed: the reason, the message and what the proof found different. */
    public Optional<Notification> onRestoreFailed(RestoreFailed event) {
        return onRestoreFailedPlain(event).map(n -> withLink(n, List.of()));
    }

    /** The notification for a restore that succeeded and was proven. */
    public Optional<Notification> onRestoreCompleted(RestoreCompleted event) {
        return onRestoreCompletedPlain(event).map(n -> withLink(n, List.of()));
    }

    /** The link of a notification about {@code backupId} (null: the dashboard), or null without a public URL. */
    public String link(UUID backupId) {
        if (publicUrl == null) {
            return null;
        }
        return backupId == null ? publicUrl + "/console/" : publicUrl + "/api/backups/" + backupId + "/report.html";
    }

    private Notification withLink(Notification n, List<String> findings) {
        return new Notification(
                n.notificationId(),
                n.severity(),
                n.kind(),
                n.targetId(),
                n.backupId(),
                n.summary(),
                n.failedChecks(),
                n.reason(),
                n.occurredAt(),
                n.reportKey(),
                link(n.backupId()),
                findings,
                null);
    }

    /** The notification for a backup that could not be taken; there always is one. */
    private Optional<Notification> onBackupFailedPlain(BackupFailed event) {
        String subject = event.backupId() == null
                ? "Backup of " + event.targetId()
                : "Backup " + shortId(event.backupId()) + " of " + event.targetId();
        String code = event.reason() == null ? "INTERNAL" : event.reason().name();
        String message = trim(event.message());
        StringBuilder summary = new StringBuilder(subject)
                .append(" FAILED (")
                .append(code)
                .append(", attempt ")
                .append(event.attempt());
        summary.append(event.retryable() ? ", retryable)" : ")");
        if (message != null) {
            summary.append(": ").append(message);
        }
        return Optional.of(new Notification(
                notificationId(event.eventId()),
                Severity.ERROR,
                "backup.failed",
                event.targetId(),
                event.backupId(),
                summary.toString(),
                List.of(),
                message == null ? code : code + ": " + message,
                event.occurredAt(),
                null));
    }

    /**
     * The notification for a verification: always when it did not PASS, and for a PASSED one only
     * when {@code notifyOnPassed} is set.
     */
    private Optional<Notification> onBackupVerifiedPlain(BackupVerified event) {
        String backup = "backup " + shortId(event.backupId()) + " of " + event.targetId();
        List<CheckResult> failed = event.outcome() == Outcome.ERROR
                ? event.checks().stream()
                        .filter(c -> c.status() == CheckStatus.ERROR || c.status() == CheckStatus.FAILED)
                        .toList()
                : event.failedChecks();
        Optional<CheckResult> sourceFlaws = event.checks().stream()
                .filter(c -> c.name().equals(SOURCE_HEALTH) && c.status() == CheckStatus.WARNING)
                .findFirst();
        String flaws =
                sourceFlaws.map(c -> "; source health: " + trim(c.detail())).orElse("");
        List<String> failedNames = failed.stream().map(CheckResult::name).toList();
        String failedList = String.join(", ", failedNames);
        String details = failed.isEmpty()
                ? null
                : failed.stream().map(NotificationRule::describe).collect(Collectors.joining("; "));
        return switch (event.outcome()) {
            case FAILED ->
                Optional.of(notification(
                        event,
                        Severity.ERROR,
                        "verification.failed",
                        capitalize(backup) + " FAILED verification" + (failed.isEmpty() ? "" : ": " + failedList),
                        failedNames,
                        (details == null ? "verification FAILED" : details) + flaws));
            case ERROR ->
                Optional.of(notification(
                        event,
                        Severity.WARNING,
                        "verification.error",
                        "Verification of " + backup + " could not complete (ERROR, not a verdict on the backup)"
                                + (failed.isEmpty() ? "" : ": " + failedList),
                        failedNames,
                        (details == null ? "verification ended in ERROR" : details)
                                + flaws
                                + (Boolean.FALSE.equals(event.retryable())
                                        ? "; not retried: another attempt would end the same way, fix the verifier's"
                                                + " configuration and request a verification"
                                        : "")));
            case PASSED ->
                sourceFlaws.isPresent()
                        ? Optional.of(notification(
                                event,
                                Severity.WARNING,
                                "verification.source-health",
                                capitalize(backup) + " PASSED verification, but its source has flaws of its own",
                                List.of(),
                                trim(sourceFlaws.get().detail())))
                        : notifyOnPassed
                                ? Optional.of(notification(
                                        event,
                                        Severity.INFO,
                                        "verification.passed",
                                        capitalize(backup) + " PASSED verification ("
                                                + event.checks().size() + " checks"
                                                + (event.timings() == null
                                                        ? ")"
                                                        : ", restore "
                                                                + event.timings()
                                                                        .restoreMillis() + " ms)"),
                                        List.of(),
                                        null))
                                : Optional.empty();
            case null -> throw new IllegalArgumentException("BackupVerified: outcome is required");
        };
    }

    private static Notification notification(
            BackupVerified event,
            Severity severity,
            String kind,
            String summary,
            List<String> failedChecks,
            String reason) {
        return new Notification(
                notificationId(event.eventId()),
                severity,
                kind,
                event.targetId(),
                event.backupId(),
                summary,
                failedChecks,
                reason,
                event.occurredAt(),
                event.reportKey());
    }

    /** The notification for a restore that failed: the reason, the message and what the proof found different. */
    private Optional<Notification> onRestoreFailedPlain(RestoreFailed event) {
        String what = "Restore " + shortId(event.restoreId()) + " of " + event.targetId()
                + (event.backupId() == null ? "" : " (backup " + shortId(event.backupId()) + ")")
                + (event.destination() == null
                        ? ""
                        : " into " + event.destination().database());
        List<CheckResult> bad = event.checks().stream()
                .filter(c -> c.status() == CheckStatus.FAILED || c.status() == CheckStatus.ERROR)
                .toList();
        String reason =
                event.reason() == null ? "RESTORE_FAILED" : event.reason().name();
        return Optional.of(new Notification(
                notificationId(event.eventId()),
                Severity.ERROR,
                "restore.failed",
                event.targetId(),
                event.backupId(),
                what + " FAILED (" + reason + ")",
                bad.stream().map(CheckResult::name).toList(),
                reason + ": " + trim(event.message()),
                event.occurredAt(),
                event.reportKey()));
    }

    /** The notification for a restore that succeeded and was proven. */
    private Optional<Notification> onRestoreCompletedPlain(RestoreCompleted event) {
        return Optional.of(new Notification(
                notificationId(event.eventId()),
                Severity.INFO,
                "restore.succeeded",
                event.targetId(),
                event.backupId(),
                "Restore " + shortId(event.restoreId()) + " of " + event.targetId() + " (backup "
                        + shortId(event.backupId()) + ") SUCCEEDED"
                        + (event.destination() == null
                                ? ""
                                : " into " + event.destination().database())
                        + (event.forced() ? " (the backup was not VERIFIED; restored with force)" : "")
                        + ", proven against its manifest",
                List.of(),
                null,
                event.occurredAt(),
                event.reportKey()));
    }

    /** The same notification id for the same source event, every time. */
    public static UUID notificationId(UUID sourceEventId) {
        return UUID.nameUUIDFromBytes(("bulwark.notification:" + sourceEventId).getBytes(StandardCharsets.UTF_8));
    }

    private static String describe(CheckResult check) {
        String detail = trim(check.detail());
        return detail == null ? check.name() : check.name() + ": " + detail;
    }

    private static String shortId(UUID id) {
        return id == null ? "(unknown)" : id.toString().substring(0, 8);
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String trim(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String oneLine = message.strip().replaceAll("\\s*\\R\\s*", " | ");
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "...";
    }
}
