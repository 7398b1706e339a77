package io.bulwark.retention.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A verification-aware GFS (grandfather-father-son) retention policy for the backups of one target, with the
 * vocabulary and semantics of restic's {@code forget --keep-*}, counting only VERIFIED backups (latest verification
 * PASSED).
 *
 * <ul>
 *   <li>{@code keep-last n}: the {@code n} newest verified backups.
 *   <li>{@code keep-hourly|daily|weekly|monthly|yearly n}: for each {@link Period} (read in {@link #zone()}), the
 *       newest verified backup in it, newest periods first, for up to {@code n} periods that have one.
 *   <li>{@code keep-within d}: every verified backup taken less than {@code d} before the newest verified one (like
 *       restic, relative to the newest backup, not to the clock).
 *   <li>The union of these rules; at least one of them must be set.
 *   <li>Whatever the rules say: the newest verified backup is kept; a backup not verified yet is kept ({@code
 *       verification pending}); a held backup is kept ({@code hold: <reason>}).
 *   <li>{@code keep-failed d} (7 days by default): a FAILED or ERROR backup is kept until {@code d} after it was taken
 *       (measured against the clock), then deleted; it never fills a slot.
 *   <li>{@code keep-manual d}: an ADHOC (manual) backup is kept for {@code d}; unset, until deleted by hand. It is not
 *       judged by the GFS rules.
 *   <li>{@link ScheduleRetention}: backups of a schedule with its own retention are kept for that long instead of
 *       being judged by the GFS rules.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe; build one with {@link #builder()}. The decisions are made by {@link
 * GfsDecisions}.
 */
public final class RetentionPolicy {

    /** How long a FAILED or ERROR backup is kept unless configured otherwise: 7 days. */
    public static final Duration DEFAULT_KEEP_FAILED = Duration.ofDays(7);

    private final int keepLast;
    private final Map<Period, Integer> keepPeriods;
    private final Duration keepWithin;
    private final Duration keepFailed;
    private final Duration keepManual;
    private final ZoneId zone;
    private final List<ScheduleRetention> schedules;

    private RetentionPolicy(Builder b) {
        this.keepLast = b.keepLast;
        this.keepPeriods = Map.copyOf(b.keepPeriods);
        this.keepWithin = b.keepWithin;
        this.keepFailed = b.keepFailed;
        this.keepManual = b.keepManual;
        this.zone = b.zone;
        this.schedules = List.copyOf(b.schedules.values());
    }

    /** A builder with no keep rule, keep-failed 7d, manual backups kept until deleted, zone UTC. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The policy that keeps the {@code n} most recent verified backups (and the defaults of {@link #builder()}).
     *
     * @param n how many verified backups to keep, at least 1
     * @throws IllegalArgumentException when {@code n} is less than 1
     */
    public static RetentionPolicy keepLast(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("keep-last must be at least 1 but was " + n);
        }
        return builder().keepLast(n).build();
    }

    /** A builder holding this policy's settings, to derive another (a preview). */
    public Builder toBuilder() {
        Builder b = new Builder()
                .keepLast(keepLast)
                .keepWithin(keepWithin)
                .keepFailed(keepFailed)
                .keepManual(keepManual)
                .zone(zone);
        keepPeriods.forEach(b::keep);
        schedules.forEach(b::schedule);
        return b;
    }

    /** How many newest verified backups {@code keep-last} keeps; 0 when unset. */
    public int keepLast() {
        return keepLast;
    }

    /** How many periods of {@code period} are kept; 0 when unset. */
    public int keep(Period period) {
        return keepPeriods.getOrDefault(period, 0);
    }

    /** The {@code keep-within} window before the newest verified backup, or null when unset. */
    public Duration keepWithin() {
        return keepWithin;
    }

    /** How long a FAILED or ERROR backup is kept after it was taken. */
    public Duration keepFailed() {
        return keepFailed;
    }

    /** How long an ADHOC (manual) backup is kept after it was taken, or null for until deleted by hand. */
    public Duration keepManual() {
        return keepManual;
    }

    /** The time zone the periods are read in. */
    public ZoneId zone() {
        return zone;
    }

    /** The schedules whose backups are kept for a duration of their own. */
    public List<ScheduleRetention> schedules() {
        return schedules;
    }

    /**
     * The policy as restic would write it, e.g. {@code keep-daily=7 keep-weekly=4 keep-monthly=12}; settings that
     * differ from the defaults follow ({@code keep-failed=3d}, {@code keep-manual=90d}, {@code zone=Europe/Berlin},
     * {@code schedule.weekly=30d}).
     */
    public String name() {
        List<String> parts = new ArrayList<>();
        if (keepLast > 0) {
            parts.add("keep-last=" + keepLast);
        }
        for (Period period : Period.values()) {
            if (keep(period) > 0) {
                parts.add("keep-" + period.word() + "=" + keep(period));
            }
        }
        if (keepWithin != null) {
            parts.add("keep-within=" + DurationText.exact(keepWithin));
        }
        if (!keepFailed.equals(DEFAULT_KEEP_FAILED)) {
            parts.add("keep-failed=" + DurationText.exact(keepFailed));
        }
        if (keepManual != null) {
            parts.add("keep-manual=" + DurationText.exact(keepManual));
        }
        if (!zone.normalized().equals(ZoneOffset.UTC)) {
            parts.add("zone=" + zone.getId());
        }
        for (ScheduleRetention s : schedules) {
            parts.add("schedule." + s.schedule() + "=" + DurationText.exact(s.keep()));
        }
        return String.join(" ", parts);
    }

    /**
     * Decides for each of one target's live backups whether it stays, and names every rule that keeps it or the rule
     * that lets it go.
     *
     * @param backups the target's live (not deleted) backups, in any order
     * @param now the clock's instant; {@code keep-failed}, {@code keep-manual} and schedule retentions are measured
     *     against it
     * @return one decision per backup, newest backup first (ties by backup id)
     * @throws IllegalArgumentException when the backups belong to more than one target
     */
    public List<RetentionDecision> decide(List<CatalogedBackup> backups, Instant now) {
        Objects.requireNonNull(backups, "backups");
        Objects.requireNonNull(now, "now");
        return new GfsDecisions(this, now).decide(backups);
    }

    @Override
    public String toString() {
        return name();
    }

    /** Collects the settings of a {@link RetentionPolicy}; not thread-safe. */
    public static final class Builder {
        private int keepLast;
        private final Map<Period, Integer> keepPeriods = new EnumMap<>(Period.class);
        private Duration keepWithin;
        private Duration keepFailed = DEFAULT_KEEP_FAILED;
        private Duration keepManual;
        private ZoneId zone = ZoneOffset.UTC;
        private final Map<String, ScheduleRetention> schedules = new LinkedHashMap<>();

        private Builder() {}

        /**
         * {@code keep-last n}; 0 unsets it.
         *
         * @throws IllegalArgumentException when {@code n} is negative
         */
        public Builder keepLast(int n) {
            this.keepLast = count("keep-last", n);
            return this;
        }

        /**
         * {@code keep-<period> n}, e.g. {@code keep(Period.DAILY, 7)}; 0 unsets it.
         *
         * @throws IllegalArgumentException when {@code n} is negative
         */
        public Builder keep(Period period, int n) {
            keepPeriods.put(period, count("keep-" + period.word(), n));
            return this;
        }

        /**
         * {@code keep-within d}; null unsets it.
         *
         * @throws IllegalArgumentException when {@code d} is not longer than zero
         */
        public Builder keepWithin(Duration d) {
            this.keepWithin = d == null ? null : positive("keep-within", d);
            return this;
        }

        /**
         * {@code keep-failed d}; null restores the default of 7 days. Zero deletes FAILED backups at once.
         *
         * @throws IllegalArgumentException when {@code d} is negative
         */
        public Builder keepFailed(Duration d) {
            if (d != null && d.isNegative()) {
                throw new IllegalArgumentException("keep-failed must not be negative but was " + d);
            }
            this.keepFailed = d == null ? DEFAULT_KEEP_FAILED : d;
            return this;
        }

        /**
         * {@code keep-manual d}; null keeps manual backups until deleted by hand.
         *
         * @throws IllegalArgumentException when {@code d} is not longer than zero
         */
        public Builder keepManual(Duration d) {
            this.keepManual = d == null ? null : positive("keep-manual", d);
            return this;
        }

        /** The zone periods are read in; null for UTC. */
        public Builder zone(ZoneId zone) {
            this.zone = zone == null ? ZoneOffset.UTC : zone;
            return this;
        }

        /**
         * Adds a schedule's own retention; of two schedules with the same label the longer retention wins.
         */
        public Builder schedule(ScheduleRetention schedule) {
            schedules.merge(schedule.label(), schedule, (a, b) -> a.keep().compareTo(b.keep()) >= 0 ? a : b);
            return this;
        }

        /**
         * The policy.
         *
         * @throws IllegalArgumentException when no keep rule is set (keep-last, keep-hourly, keep-daily, keep-weekly,
         *     keep-monthly, keep-yearly or keep-within)
         */
        public RetentionPolicy build() {
            boolean anyPeriod = keepPeriods.values().stream().anyMatch(n -> n > 0);
            if (keepLast == 0 && !anyPeriod && keepWithin == null) {
                throw new IllegalArgumentException("no keep rule is set: set at least one of keep-last, keep-hourly,"
                        + " keep-daily, keep-weekly, keep-monthly, keep-yearly or keep-within");
            }
            return new RetentionPolicy(this);
        }

        private static int count(String option, int n) {
            if (n < 0) {
                throw new IllegalArgumentException(option + " must not be negative but was " + n);
            }
            return n;
        }

        private static Duration positive(String option, Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(option + " must be longer than 0 but was " + d);
            }
            return d;
        }
    }
}
