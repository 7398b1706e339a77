package io.bulwark.contracts;

/**
 * One verification check.
 *
 * @param name stable check name, e.g. {@code checksum}, {@code restore}, {@code tables}, {@code row-counts}
 * @param status the result
 * @param detail what was found, for a person; redacted ({@link MessageRedactor})
 * @param durationMillis how long the check took
 */
public record CheckResult(String name, CheckStatus status, String detail, long durationMillis) {

    /** The detail is {@link MessageRedactor#redact redacted}: no secrets, no row data, bounded. */
    public CheckResult {
        detail = MessageRedactor.redact(detail);
    }
}
