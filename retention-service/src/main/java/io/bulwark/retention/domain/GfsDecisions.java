package io.bulwark.retention.domain;

import io.bulwark.contracts.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One run of a {@link RetentionPolicy} over one target's live backups (see that class for the rules). Not
 * thread-safe; made for one {@link #decide} call.
 *
 * <p>The GFS pool is the verified backups that are neither ADHOC nor of a schedule with its own retention. Each
 * GFS rule walks the pool newest first like restic's {@code forget}: keep-last takes the first {@code n}; a period
 * rule keeps a backup when its period differs from that of the previous backup it kept, until {@code n} periods are
 * kept.
 */
final class GfsDecisions {

    /** Newest first; ties by backup id, descending, so that the result never depends on input order. */
    static final Comparator<CatalogedBackup> NEWEST_FIRST = Comparator.comparing(CatalogedBackup::completedAt)
            .thenComparing(CatalogedBackup::backupId)
            .reversed();

    private final RetentionPolicy policy;
    private final Instant now;
    /** Backup id to the GFS rules that keep it, in rule order. */
    private final Map<UUID, List<String>> gfsRules = new HashMap<>();
    /** Per period rule: period key to the backup kept for it. */
    private final Map<Period, Map<String, UUID>> keptPeriods = new LinkedHashMap<>();

    GfsDecisions(RetentionPolicy policy, Instant now) {
        this.policy = policy;
        this.now = now;
    }

    List<RetentionDecision> decide(List<CatalogedBackup> backups) {
        if (backups.stream().map(CatalogedBackup::targetId).distinct().count() > 1) {
            throw new IllegalArgumentException("a retention policy applies to one target's backups at a time");
        }
        List<CatalogedBackup> ordered = backups.stream().sorted(NEWEST_FIRST).toList();
        CatalogedBackup newestVerified =
                ordered.stream().filter(CatalogedBackup::verified).findFirst().orElse(null);
        List<CatalogedBackup> pool = ordered.stream()
                .filter(b -> b.verified() && b.tier() != Tier.ADHOC && schedule(b) == null)
                .toList();
        applyGfs(pool, newestVerified);
        List<RetentionDecision> decisions = new ArrayList<>(ordered.size());
        for (CatalogedBackup backup : ordered) {
            decisions.add(decideOne(backup, backup == newestVerified));
        }
        return List.copyOf(decisions);
    }

    private void applyGfs(List<CatalogedBackup> pool, CatalogedBackup newestVerified) {
        int last = Math.min(policy.keepLast(), pool.size());
        for (int i = 0; i < last; i++) {
            rule(pool.get(i), "last " + policy.keepLast());
        }
        for (Period period : Period.values()) {
            int left = policy.keep(period);
            if (left == 0) {
                continue;
            }
            Map<String, UUID> kept = new LinkedHashMap<>();
            keptPeriods.put(period, kept);
            for (CatalogedBackup backup : pool) {
                if (left == 0) {
                    break;
                }
                String key = period.key(backup.completedAt(), policy.zone());
                if (!kept.containsKey(key)) {
                    kept.put(key, backup.backupId());
                    rule(backup, period.word() + " " + key);
                    left--;
                }
            }
        }
        if (policy.keepWithin() != null && newestVerified != null) {
            Instant cutoff = newestVerified.completedAt().minus(policy.keepWithin());
            for (CatalogedBackup backup : pool) {
                if (backup.completedAt().isAfter(cutoff)) {
                    rule(backup, "within " + DurationText.exact(policy.keepWithin()));
                }
            }
        }
    }

    private void rule(CatalogedBackup backup, String rule) {
        gfsRules.computeIfAbsent(backup.backupId(), id -> new ArrayList<>()).add(rule);
    }

    private RetentionDecision decideOne(CatalogedBackup backup, boolean newestVerified) {
        List<String> keep = new ArrayList<>();
        if (backup.held()) {
            keep.add("hold: " + backup.hold());
        }
        String deleteRule = null;
        Duration age = Duration.between(backup.completedAt(), now);
        ScheduleRetention schedule = schedule(backup);
        switch (backup.outcome()) {
            case null -> keep.add("verification pending");
            case FAILED, ERROR -> {
                String text = "keep-failed: " + backup.outcome() + " " + DurationText.age(age) + " ago (kept "
                        + DurationText.exact(policy.keepFailed()) + ")";
                if (age.compareTo(policy.keepFailed()) <= 0) {
                    keep.add(text);
                } else {
                    deleteRule = text;
                }
            }
            case PASSED -> {
                if (backup.tier() == Tier.ADHOC) {
                    if (policy.keepManual() == null) {
                        keep.add("manual (kept until deleted)");
                    } else {
                        String text = "keep-manual: " + DurationText.age(age) + " ago (kept "
                                + DurationText.exact(policy.keepManual()) + ")";
                        if (age.compareTo(policy.keepManual()) <= 0) {
                            keep.add(text);
                        } else {
                            deleteRule = text;
                        }
                    }
                } else if (schedule != null) {
                    String within = DurationText.exact(schedule.keep());
                    if (age.compareTo(schedule.keep()) <= 0) {
                        keep.add("schedule " + schedule.schedule() + ": within " + within);
                    } else {
                        deleteRule = "schedule " + schedule.schedule() + ": " + DurationText.age(age)
                                + " ago, beyond within " + within;
                    }
                } else {
                    List<String> rules = gfsRules.get(backup.backupId());
                    if (rules != null) {
                        keep.addAll(rules);
                    } else {
                        deleteRule = "matches no keep rule (" + whyNot(backup) + ")";
                    }
                }
            }
        }
        if (newestVerified) {
            keep.add("newest verified");
        }
        if (!keep.isEmpty()) {
            return new RetentionDecision(backup, RetentionDecision.Action.KEEP, keep);
        }
        return new RetentionDecision(backup, RetentionDecision.Action.DELETE, deleteRule);
    }

    /** Why each configured GFS rule passed over a verified backup of the pool, joined by "; ". */
    private String whyNot(CatalogedBackup backup) {
        List<String> why = new ArrayList<>();
        if (policy.keepLast() > 0) {
            why.add("not among the last " + policy.keepLast());
        }
        keptPeriods.forEach((period, kept) -> {
            String key = period.key(backup.completedAt(), policy.zone());
            String rule = period.word() + " " + key;
            why.add(
                    kept.containsKey(key)
                            ? rule + " keeps a newer backup"
                            : rule + " is beyond keep-" + period.word() + " " + policy.keep(period));
        });
        if (policy.keepWithin() != null) {
            why.add("older than within " + DurationText.exact(policy.keepWithin()) + " of the newest verified");
        }
        return String.join("; ", why);
    }

    /** The schedule retention that judges {@code backup} (by its label), or null. */
    private ScheduleRetention schedule(CatalogedBackup backup) {
        String label = backup.label();
        if (label == null) {
            return null;
        }
        for (ScheduleRetention s : policy.schedules()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        return null;
    }
}
