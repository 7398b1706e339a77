package io.bulwark.retention.application;

import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.DeletionReason;
import io.bulwark.retention.domain.RetentionDecision;
import io.bulwark.retention.domain.RetentionPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a target's retention policy: each backup the policy's plan decides to DELETE (exactly the decisions of
 * {@link #plan(String)}) is deleted by {@link DeleteBackup} (manifest first, then the rest, the intent recorded first
 * so that a deletion cut short is finished later), and its {@code BackupDeleted.policy} names the rule that let it go
 * (e.g. {@code keep-failed: FAILED 9d ago (kept 7d)}).
 *
 * <p>Each expired backup is handled on its own. When a deletion fails (object store or broker down) the failure is
 * logged and the next run finishes it; the other backups are still handled. A held backup is never deleted, whatever
 * the policy decides (a safety net behind the policy's own {@code hold} rule). Runs for one target at a time in this
 * instance. The {@code BackupDeleted} event id is derived from the backup id, so an event published again after a
 * failed catalog update carries the same id and consumers drop the duplicate. Thread-safe.
 */
public class ExpireBackups {

    private static final Logger log = LoggerFactory.getLogger(ExpireBackups.class);

    private final BackupCatalog catalog;
    private final DeleteBackup deleteBackup;
    private final RetentionPolicies policies;
    private final Clock clock;

    /**
     * @param catalog the retention catalog
     * @param deleteBackup deletes one backup safely
     * @param policies the policy of each target
     * @param clock the time the policies are applied at (keep-failed, keep-manual, schedule retentions)
     */
    public ExpireBackups(BackupCatalog catalog, DeleteBackup deleteBackup, RetentionPolicies policies, Clock clock) {
        this.catalog = catalog;
        this.deleteBackup = deleteBackup;
        this.policies = policies;
        this.clock = clock;
    }

    /**
     * Applies the policy of {@code targetId} to its live backups.
     *
     * @return the events of the backups deleted by this run (empty when nothing expired or every
     *     deletion failed)
     */
    public synchronized List<BackupDeleted> expire(String targetId) {
        RetentionPolicy policy = policies.forTarget(targetId);
        List<RetentionDecision> decisions = plan(targetId, policy);
        List<BackupDeleted> deleted = new ArrayList<>();
        for (RetentionDecision decision : decisions) {
            if (!decision.expires()) {
                log.debug("Keeping backup {} of {}: {}", decision.backup().shortId(), targetId, decision.reason());
                continue;
            }
            if (decision.backup().hold() != null) {
                log.warn(
                        "Not deleting backup {} of {} although the policy says so ({}): it is held ({})",
                        decision.backup().backupId(),
                        targetId,
                        decision.reason(),
                        decision.backup().hold());
                continue;
            }
            // the rule that lets the backup go, as BackupDeleted.policy: e.g. "keep-failed: FAILED 9d ago (kept 7d)"
            String rule = decision.reason();
            try {
                deleted.add(deleteBackup.delete(decision.backup(), DeletionReason.RETENTION, rule));
            } catch (RuntimeException e) {
                log.error(
                        "Could not delete expired backup {} of {} at {} ({}); it stays live and is retried on the"
                                + " next run: {}",
                        decision.backup().backupId(),
                        targetId,
                        decision.backup().prefix(),
                        decision.reason(),
                        e.toString());
            }
        }
        return List.copyOf(deleted);
    }

    /**
     * Finishes every deletion cut short before ({@link DeleteBackup#resumePending}), then applies every target's
     * policy, one target after the other; a target that fails is logged and the others still run.
     *
     * @return the events of the backups deleted by this run, the finished ones first
     */
    public List<BackupDeleted> expireAll() {
        List<BackupDeleted> deleted = new ArrayList<>(deleteBackup.resumePending());
        for (String targetId : catalog.targetsWithLiveBackups()) {
            try {
                deleted.addAll(expire(targetId));
            } catch (RuntimeException e) {
                log.error(
                        "Could not apply the retention policy of {}; retried on the next run: {}",
                        targetId,
                        e.toString());
            }
        }
        return List.copyOf(deleted);
    }

    /**
     * What the policy of {@code targetId} decides now, without deleting anything (a dry run).
     *
     * @return one decision per live backup, newest first
     */
    public List<RetentionDecision> plan(String targetId) {
        return plan(targetId, policies.forTarget(targetId));
    }

    /**
     * What {@code policy} would decide now for the live backups of {@code targetId} (a preview of another policy
     * when it is not the configured one); deletes nothing. The sweep applies exactly these DELETE decisions.
     *
     * @return one decision per live backup, newest first
     */
    public List<RetentionDecision> plan(String targetId, RetentionPolicy policy) {
        return policy.decide(catalog.liveBackups(targetId), clock.instant());
    }

    /** The policy that applies to {@code targetId}. */
    public RetentionPolicy policyOf(String targetId) {
        return policies.forTarget(targetId);
    }

    /** The same id every time for the same backup, so a re-published deletion is recognised. */
    static UUID deletionEventId(UUID backupId) {
        return DeleteBackup.deletionEventId(backupId);
    }
}
