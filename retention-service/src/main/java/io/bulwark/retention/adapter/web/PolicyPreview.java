package io.bulwark.retention.adapter.web;

import io.bulwark.retention.domain.Period;
import io.bulwark.retention.domain.RetentionPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.convert.DurationStyle;

/**
 * The query parameters of a plan preview ({@code keepLast, keepHourly, keepDaily, keepWeekly, keepMonthly,
 * keepYearly, keepWithin, keepFailed, keepManual}) laid over a target's configured policy, for one answer only.
 * Counts are whole numbers of at least 0 (0 unsets the rule); durations are written like the configuration ({@code
 * 30d}, {@code 12h}) or ISO-8601 ({@code P30D}).
 */
final class PolicyPreview {

    /** A query parameter that is not a valid value; {@link #parameter} names it. */
    static final class InvalidParameterException extends RuntimeException {
        private final String parameter;

        InvalidParameterException(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        /** The query parameter, e.g. {@code keepDaily}. */
        String parameter() {
            return parameter;
        }
    }

    private PolicyPreview() {}

    /**
     * {@code configured} with every given parameter replacing its setting.
     *
     * @param parameters parameter name to raw value; names not listed above are ignored, null or blank values too
     * @return the configured policy itself when no parameter is given
     * @throws InvalidParameterException naming the parameter when a value does not parse or is out of range, or
     *     when the result has no keep rule (parameter {@code keepLast})
     */
    static RetentionPolicy apply(RetentionPolicy configured, Map<String, String> parameters) {
        Map<String, String> given = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                given.put(name, value.strip());
            }
        });
        if (given.keySet().stream().noneMatch(PolicyPreview::known)) {
            return configured;
        }
        RetentionPolicy.Builder b = configured.toBuilder();
        given.forEach((name, value) -> {
            switch (name) {
                case "keepLast" -> b.keepLast(count(name, value));
                case "keepHourly" -> b.keep(Period.HOURLY, count(name, value));
                case "keepDaily" -> b.keep(Period.DAILY, count(name, value));
                case "keepWeekly" -> b.keep(Period.WEEKLY, count(name, value));
                case "keepMonthly" -> b.keep(Period.MONTHLY, count(name, value));
                case "keepYearly" -> b.keep(Period.YEARLY, count(name, value));
                case "keepWithin" -> b.keepWithin(positive(name, value));
                case "keepFailed" -> b.keepFailed(duration(name, value));
                case "keepManual" -> b.keepManual(positive(name, value));
                default -> {}
            }
        });
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(
                    given.keySet().stream()
                            .filter(PolicyPreview::known)
                            .findFirst()
                            .orElse("keepLast"),
                    "the preview policy has no keep rule: give at least one of keepLast, keepHourly, keepDaily,"
                            + " keepWeekly, keepMonthly, keepYearly (above 0) or keepWithin");
        }
    }

    private static boolean known(String name) {
        return switch (name) {
            case "keepLast",
                    "keepHourly",
                    "keepDaily",
                    "keepWeekly",
                    "keepMonthly",
                    "keepYearly",
                    "keepWithin",
                    "keepFailed",
                    "keepManual" -> true;
            default -> false;
        };
    }

    private static int count(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0 && n <= 100_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameterException(
                name, name + " must be a whole number from 0 to 100000 but was '" + shorten(value) + "'");
    }

    private static Duration duration(String name, String value) {
        try {
            Duration d = DurationStyle.detectAndParse(value);
            if (!d.isNegative()) {
                return d;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new InvalidParameterException(
                name, name + " must be a duration such as 30d, 12h or P30D but was '" + shorten(value) + "'");
    }

    private static Duration positive(String name, String value) {
        Duration d = duration(name, value);
        if (d.isZero()) {
            throw new InvalidParameterException(name, name + " must be longer than 0");
        }
        return d;
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
