package io.bulwark.retention.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The retention of one copy store ({@code bulwark.copies.<copyId>.retention}): which of the copies it holds to remove.
 * The only place that applies {@link RetentionPolicy} to copies, so that a change of the target policy's shape touches
 * this class alone.
 *
 * <p>Rules (each optional; a copy goes only when every rule that is set lets it go):
 *
 * <ul>
 *   <li>{@code keep-last: n}: per target, the {@code n} most recent copies (by the backup's time) stay, decided by
 *       {@link RetentionPolicy#keepLast(int)}. Every copy is of a backup whose verification PASSED.
 *   <li>{@code keep-within: d}: a copy of a backup taken less than {@code d} ago stays.
 *   <li>Neither set: every copy stays until deleted by hand.
 * </ul>
 *
 * <p>A copy's fate does not depend on the backup's fate in the primary store. Immutable and thread-safe.
 *
 * @param keepLast how many copies per target to keep, at least 1, or null when not a rule
 * @param keepWithin how long to keep a copy after its backup was taken, positive, or null when not a rule
 */
public record CopyRetentionPolicy(Integer keepLast, Duration keepWithin) {

    /** Keeps every copy. */
    public static final CopyRetentionPolicy KEEP_ALL = new CopyRetentionPolicy(null, null);

    /** @throws IllegalArgumentException when {@code keepLast} is below 1 or {@code keepWithin} is not positive */
    public CopyRetentionPolicy {
        if (keepLast != null && keepLast < 1) {
            throw new IllegalArgumentException("keep-last must be at least 1 but was " + keepLast);
        }
        if (keepWithin != null && (keepWithin.isZero() || keepWithin.isNegative())) {
            throw new IllegalArgumentException("keep-within must be positive but was " + keepWithin);
        }
    }

    /** The policy as written in a DELETED event's detail, e.g. {@code keep-last=2, keep-within=PT720H}. */
    public String name() {
        if (keepLast == null && keepWithin == null) {
            return "keep all";
        }
        List<String> rules = new ArrayList<>();
        if (keepLast != null) {
            rules.add("keep-last=" + keepLast);
        }
        if (keepWithin != null) {
            rules.add("keep-within=" + keepWithin);
        }
        return String.join(", ", rules);
    }

    /**
     * Decides for each copy held by one copy store whether it stays.
     *
     * @param copies the store's COPIED copies as backups (any targets, any order; the outcome is the backup's
     *     verdict when copied, PASSED)
     * @param now the time {@code keep-within} counts back from
     * @return one decision per copy, grouped by target, newest first within a target; the reason of a DELETE names
     *     every rule that let it go
     */
    public List<RetentionDecision> decide(List<CatalogedBackup> copies, Instant now) {
        Map<String, List<CatalogedBackup>> byTarget = copies.stream()
                .sorted(Comparator.comparing(CatalogedBackup::targetId))
                .collect(Collectors.groupingBy(CatalogedBackup::targetId, LinkedHashMap::new, Collectors.toList()));
        List<RetentionDecision> decisions = new ArrayList<>(copies.size());
        for (List<CatalogedBackup> ofTarget : byTarget.values()) {
            List<RetentionDecision> byCount = keepLast == null
                    ? ofTarget.stream()
                            .sorted(Comparator.comparing(CatalogedBackup::completedAt)
                                    .reversed())
                            .map(b -> new RetentionDecision(b, RetentionDecision.Action.DELETE, ""))
                            .toList()
                    : RetentionPolicy.keepLast(keepLast).decide(ofTarget, now);
            for (RetentionDecision counted : byCount) {
                decisions.add(decideOne(counted, now));
            }
        }
        return List.copyOf(decisions);
    }

    private RetentionDecision decideOne(RetentionDecision counted, Instant now) {
        CatalogedBackup copy = counted.backup();
        if (keepLast == null && keepWithin == null) {
            return new RetentionDecision(copy, RetentionDecision.Action.KEEP, "no retention set for this copy store");
        }
        if (keepLast != null && !counted.expires()) {
            return new RetentionDecision(copy, RetentionDecision.Action.KEEP, counted.reason());
        }
        if (keepWithin != null && copy.completedAt().isAfter(now.minus(keepWithin))) {
            return new RetentionDecision(
                    copy, RetentionDecision.Action.KEEP, "taken within the last " + keepWithin + " (keep-within)");
        }
        List<String> why = new ArrayList<>();
        if (keepLast != null) {
            why.add(counted.reason());
        }
        if (keepWithin != null) {
            why.add("taken more than " + keepWithin + " ago");
        }
        return new RetentionDecision(copy, RetentionDecision.Action.DELETE, String.join(" and ", why));
    }
}
