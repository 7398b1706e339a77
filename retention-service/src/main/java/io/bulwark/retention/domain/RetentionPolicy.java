package io.bulwark.retention.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A verification-aware retention policy for the backups of one target.
 *
 * <p>{@link #keepLast(int) keepLast(n)} keeps the {@code n} most recent backups whose latest
 * verification PASSED, ordered by {@link CatalogedBackup#completedAt() completedAt} (newest first,
 * ties broken by backup id so that the result never depends on input order):
 *
 * <ul>
 *   <li>A backup whose verification FAILED or ended in ERROR, or that was never verified, never
 *       counts as one of the {@code n}: a backup that is not proven restorable does not make an
 *       older proven one expendable.
 *   <li>While a target has {@code n} or fewer verified backups, nothing is deleted; in particular
 *       the newest verified backup is never deleted ({@code n} is at least 1).
 *   <li>A backup that is not verified (FAILED, ERROR or never verified) and is <em>newer</em> than
 *       the oldest kept verified backup is kept: it may still be re-verified or inspected.
 *   <li>Every backup <em>older</em> than the oldest kept verified backup is expired, verified or
 *       not: this includes backups whose verification FAILED or ended in ERROR, which would
 *       otherwise accumulate forever.
 *   <li>Tiers are not distinguished yet: ADHOC (manual) backups are treated like scheduled ones.
 *       Manual backups are to be kept until deleted by hand; that arrives with the GFS
 *       policies ({@code keepDaily}, {@code keepWeekly}, ...).
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RetentionPolicy {

    /** Newest first; ties by backup id, descending. */
    private static final Comparator<CatalogedBackup> NEWEST_FIRST = Comparator.comparing(CatalogedBackup::completedAt)
            .thenComparing(CatalogedBackup::backupId)
            .reversed();

    private final int keepLast;

    private RetentionPolicy(int keepLast) {
        this.keepLast = keepLast;
    }

    /**
     * The policy that keeps the {@code n} most recent verified backups.
     *
     * @param n how many verified backups to keep, at least 1
     * @throws IllegalArgumentException when {@code n} is less than 1
     */
    public static RetentionPolicy keepLast(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("keep-last must be at least 1 but was " + n);
        }
        return new RetentionPolicy(n);
    }

    /** How many verified backups this policy keeps. */
    public int keepLast() {
        return keepLast;
    }

    /** The policy as written in {@code BackupDeleted.policy}, e.g. {@code keepLast=7}. */
    public String name() {
        return "keepLast=" + keepLast;
    }

    /**
     * Decides for each of one target's live backups whether it stays.
     *
     * @param backups the target's live (not deleted) backups, in any order
     * @return one decision per backup, newest backup first
     * @throws IllegalArgumentException when the backups belong to more than one target
     */
    public List<RetentionDecision> decide(List<CatalogedBackup> backups) {
        Objects.requireNonNull(backups, "backups");
        long targets =
                backups.stream().map(CatalogedBackup::targetId).distinct().count();
        if (targets > 1) {
            throw new IllegalArgumentException("a retention policy applies to one target's backups at a time");
        }
        List<CatalogedBackup> ordered = backups.stream().sorted(NEWEST_FIRST).toList();
        int oldestKept = indexOfOldestKeptVerified(ordered);
        List<RetentionDecision> decisions = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            CatalogedBackup backup = ordered.get(i);
            if (oldestKept < 0) {
                decisions.add(keep(
                        backup, backup.verified() ? "verified; " + fewerThanN() : notCounted(backup) + fewerThanN()));
            } else if (i > oldestKept) {
                decisions.add(new RetentionDecision(backup, RetentionDecision.Action.DELETE, expiredReason(backup)));
            } else if (backup.verified()) {
                decisions.add(
                        keep(backup, keepLast == 1 ? "the most recent verified backup" : "one of the " + mostRecent()));
            } else {
                decisions.add(keep(
                        backup,
                        notCounted(backup)
                                + "newer than the oldest kept verified backup; may still be re-verified or inspected"));
            }
        }
        return List.copyOf(decisions);
    }

    /** Position of the n-th verified backup in {@code ordered}, or -1 when there are fewer than n. */
    private int indexOfOldestKeptVerified(List<CatalogedBackup> ordered) {
        int verifiedSeen = 0;
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).verified() && ++verifiedSeen == keepLast) {
                return i;
            }
        }
        return -1;
    }

    private static RetentionDecision keep(CatalogedBackup backup, String reason) {
        return new RetentionDecision(backup, RetentionDecision.Action.KEEP, reason);
    }

    private String mostRecent() {
        return keepLast == 1 ? "most recent verified backup" : keepLast + " most recent verified backups";
    }

    private String fewerThanN() {
        return "fewer than " + keepLast + " verified backups exist, nothing expires yet";
    }

    private String notCounted(CatalogedBackup backup) {
        String verdict = switch (backup.outcome()) {
            case null -> "not verified yet";
            case PASSED -> "verified";
            case FAILED -> "verification FAILED";
            case ERROR -> "verification ended in ERROR";
        };
        return verdict + " (does not count toward " + name() + "); ";
    }

    private String expiredReason(CatalogedBackup backup) {
        String older = "older than the " + mostRecent();
        return switch (backup.outcome()) {
            case null -> "never verified and " + older;
            case PASSED -> older;
            case FAILED -> "verification FAILED and " + older;
            case ERROR -> "verification ended in ERROR and " + older;
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
