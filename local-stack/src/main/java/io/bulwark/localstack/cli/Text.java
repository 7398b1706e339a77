package io.bulwark.localstack.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Values for people: sizes ({@code 1.5 MiB}), durations ({@code 2m 5s}), instants, truncated cells. */
public final class Text {

    /** What an empty or missing value shows as. */
    public static final String NONE = "-";

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Text() {}

    /**
     * {@code text} cut to {@code width} characters, its end replaced by {@code …} when cut.
     *
     * @param width at least 1
     */
    public static String truncate(String text, int width) {
        if (text == null) {
            return "";
        }
        if (text.length() <= width) {
            return text;
        }
        return width <= 1 ? "…" : text.substring(0, width - 1) + "…";
    }

    /** {@code bytes} in binary units: {@code 512 B}, {@code 1.5 KiB}, {@code 3.2 GiB}; {@value #NONE} for negative. */
    public static String bytes(long bytes) {
        if (bytes < 0) {
            return NONE;
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, UNITS[unit]);
    }

    /** {@code millis} as {@code 850ms}, {@code 12.3s}, {@code 4m 05s}, {@code 2h 03m}, {@code 3d 04h}. */
    public static String millis(long millis) {
        if (millis < 0) {
            return NONE;
        }
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long s = millis / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh", s / 86_400, (s % 86_400) / 3600);
    }

    /** An ISO-8601 duration ({@code PT25H}) as {@link #millis}; the text itself when it is not one. */
    public static String duration(String iso) {
        if (iso == null || iso.isBlank()) {
            return NONE;
        }
        try {
            return millis(Duration.parse(iso).toMillis());
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** An ISO-8601 instant as {@code 2026-12-03 07:00:00Z}; the text itself when it is not one. */
    public static String instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return NONE;
        }
        try {
            return WHEN.format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** A rate 0..1 as {@code 97.5%}; {@value #NONE} when missing. */
    public static String percent(JsonNode rate) {
        if (rate == null || !rate.isNumber()) {
            return NONE;
        }
        return String.format(Locale.ROOT, "%.1f%%", rate.asDouble() * 100);
    }

    /** The text of {@code json}'s {@code field}, {@value #NONE} when missing or null. */
    public static String field(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return NONE;
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }

    /** {@code json}'s numeric {@code field}, or -1 when missing or not a number. */
    public static long number(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value != null && value.isNumber() ? value.asLong() : -1;
    }

    /** {@code json}'s {@code field} holding milliseconds, as {@link #millis}. */
    public static String millisField(JsonNode json, String field) {
        return millis(number(json, field));
    }

    /** {@code json}'s {@code field} holding bytes, as {@link #bytes}. */
    public static String bytesField(JsonNode json, String field) {
        return bytes(number(json, field));
    }

    /** {@code json}'s {@code field} holding an instant, as {@link #instant}. */
    public static String instantField(JsonNode json, String field) {
        String value = field(json, field);
        return NONE.equals(value) ? NONE : instant(value);
    }
}
