package io.bulwark.retention.domain;

import java.time.Duration;

/**
 * Durations as the retention settings write them: {@code 30d}, {@code 12h}, {@code 90m}, {@code 45s} (the largest
 * whole unit), and ages rounded down to that unit ({@code 9d}, {@code 5h}).
 */
public final class DurationText {

    private DurationText() {}

    /** {@code d} exactly, in the largest unit that divides it, e.g. {@code 30d}, {@code 36h}, {@code 0s}. */
    public static String exact(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.toSeconds() % 86_400 == 0) {
            return d.toDays() + "d";
        }
        if (d.toSeconds() % 3_600 == 0) {
            return d.toHours() + "h";
        }
        if (d.toSeconds() % 60 == 0) {
            return d.toMinutes() + "m";
        }
        return d.toSeconds() + "s";
    }

    /** An age rounded down: whole days from one day on, else hours, minutes, seconds; e.g. {@code 9d}, {@code 5h}. */
    public static String age(Duration d) {
        if (d.toDays() >= 1) {
            return d.toDays() + "d";
        }
        if (d.toHours() >= 1) {
            return d.toHours() + "h";
        }
        if (d.toMinutes() >= 1) {
            return d.toMinutes() + "m";
        }
        return Math.max(0, d.toSeconds()) + "s";
    }
}
