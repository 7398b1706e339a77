package io.bulwark.retention.adapter.web;

import io.bulwark.retention.domain.Period;
import io.bulwark.retention.domain.RetentionPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.MultiValueMap;

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

    /** Lays one parsed query parameter over the builder; throws {@link InvalidParameterException} for a bad value. */
    @FunctionalInterface
    private interface Applier {
        void apply(RetentionPolicy.Builder builder, String name, String value);
    }

    /**
     * One query parameter of the preview.
     *
     * @param name the query parameter, e.g. {@code keepDaily}
     * @param description what it sets, as the API description shows it
     * @param applier parses the raw value and sets it on the builder
     */
    record Setting(String name, String description, Applier applier) {}

    /** The query parameters of the preview, in the order the API description lists them and they are applied. */
    static final List<Setting> SETTINGS = List.of(
            new Setting(
                    "keepLast",
                    "preview: keep the n newest verified backups (0 unsets it)",
                    (b, name, value) -> b.keepLast(count(name, value))),
            new Setting(
                    "keepHourly",
                    "preview: newest verified backup of each of the n newest hours",
                    (b, name, value) -> b.keep(Period.HOURLY, count(name, value))),
            new Setting(
                    "keepDaily",
                    "preview: newest verified backup of each of the n newest days",
                    (b, name, value) -> b.keep(Period.DAILY, count(name, value))),
            new Setting(
                    "keepWeekly",
                    "preview: newest verified backup of each of the n newest ISO weeks",
                    (b, name, value) -> b.keep(Period.WEEKLY, count(name, value))),
            new Setting(
                    "keepMonthly",
                    "preview: newest verified backup of each of the n newest months",
                    (b, name, value) -> b.keep(Period.MONTHLY, count(name, value))),
            new Setting(
                    "keepYearly",
                    "preview: newest verified backup of each of the n newest years",
                    (b, name, value) -> b.keep(Period.YEARLY, count(name, value))),
            new Setting(
                    "keepWithin",
                    "preview: every verified backup within this duration (e.g. 30d) of the newest",
                    (b, name, value) -> b.keepWithin(positive(name, value))),
            new Setting(
                    "keepFailed",
                    "preview: how long FAILED/ERROR backups are kept (e.g. 7d)",
                    (b, name, value) -> b.keepFailed(duration(name, value))),
            new Setting(
                    "keepManual",
                    "preview: how long ADHOC (manual) backups are kept (e.g. 90d)",
                    (b, name, value) -> b.keepManual(positive(name, value))));

    private PolicyPreview() {}

    /**
     * The preview parameters of a request, in {@link #SETTINGS} order; a parameter given more than once is joined
     * with commas (as Spring binds it to a {@code String}), one not given is null.
     *
     * @param query every query parameter of the request
     * @return parameter name to raw value, for {@link #apply}
     */
    static Map<String, String> of(MultiValueMap<String, String> query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Setting setting : SETTINGS) {
            List<String> values = query.get(setting.name());
            parameters.put(setting.name(), values == null ? null : String.join(",", values));
        }
        return parameters;
    }

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
        given.forEach((name, value) -> SETTINGS.stream()
                .filter(setting -> setting.name().equals(name))
                .forEach(setting -> setting.applier().apply(b, name, value)));
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
        return SETTINGS.stream().anyMatch(setting -> setting.name().equals(name));
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
