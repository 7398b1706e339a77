package io.bulwark.retention.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

/**
 * The calendar periods of the GFS rules ({@code keep-hourly} ... {@code keep-yearly}), read in a time zone, as in
 * restic's {@code forget --keep-*}. A period's key names it: {@code 2026-11-30T14} (hour), {@code 2026-11-30} (day),
 * {@code 2026-W48} (ISO-8601 week of the week-based year: weeks start on Monday, week 1 holds the first Thursday),
 * {@code 2026-11} (month), {@code 2026} (year).
 */
public enum Period {
    /** One hour of the zone's local time; across a DST fall-back the repeated hour is one period. */
    HOURLY("hourly"),
    /** One local calendar day (23 or 25 hours long on DST change days). */
    DAILY("daily"),
    /** One ISO week. */
    WEEKLY("weekly"),
    /** One calendar month. */
    MONTHLY("monthly"),
    /** One calendar year. */
    YEARLY("yearly");

    private final String word;

    Period(String word) {
        this.word = word;
    }

    /** The rule's word, e.g. {@code daily}; the option is {@code keep-<word>}. */
    public String word() {
        return word;
    }

    /** The key of the period holding {@code instant} in {@code zone}, e.g. {@code 2026-W48}. */
    public String key(Instant instant, ZoneId zone) {
        ZonedDateTime t = instant.atZone(zone);
        return switch (this) {
            case HOURLY ->
                "%04d-%02d-%02dT%02d".formatted(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour());
            case DAILY -> "%04d-%02d-%02d".formatted(t.getYear(), t.getMonthValue(), t.getDayOfMonth());
            case WEEKLY ->
                "%04d-W%02d".formatted(t.get(IsoFields.WEEK_BASED_YEAR), t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTHLY -> "%04d-%02d".formatted(t.getYear(), t.getMonthValue());
            case YEARLY -> "%04d".formatted(t.getYear());
        };
    }
}
