package io.bulwark.scheduler.domain;

import java.util.Locale;

/**
 * Normalizes cron expressions to Spring's six-field form (second, minute, hour, day of month,
 * month, day of week).
 *
 * <p>Standard (Vixie/POSIX) cron has five fields with minute precision; Spring's {@code
 * CronExpression} wants six, seconds first. A five-field expression therefore gets {@code "0 "}
 * prepended so it fires at second 0 of the minute, as crontab would. Six-field expressions and macros
 * ({@code @daily}, {@code @hourly}, ...) are passed on unchanged.
 */
public final class CronFields {

    private CronFields() {}

    /**
     * Returns {@code expression} in Spring's six-field form.
     *
     * @param expression a five- or six-field cron expression or a macro such as {@code @daily}
     * @return the six-field expression or the macro, trimmed, fields separated by one space
     * @throws IllegalArgumentException when the expression is blank or has neither five nor six fields
     */
    public static String toSpringCron(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("a cron expression is required");
        }
        String trimmed = expression.trim();
        if (trimmed.startsWith("@")) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
        String[] fields = trimmed.split("\\s+");
        return switch (fields.length) {
            case 5 -> "0 " + String.join(" ", fields);
            case 6 -> String.join(" ", fields);
            default ->
                throw new IllegalArgumentException("'" + trimmed + "' has " + fields.length
                        + " fields; expected 5 (minute hour day-of-month month day-of-week)"
                        + " or 6 (second first)");
        };
    }
}
