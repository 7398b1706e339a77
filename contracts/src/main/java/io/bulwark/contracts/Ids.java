package io.bulwark.contracts;

import java.util.regex.Pattern;

/** Rules for ids and labels that become parts of object keys and Kafka keys. */
public final class Ids {

    /** Target ids, schedule ids and labels: {@code [a-z0-9][a-z0-9_-]{0,62}}, safe in object keys and Kafka keys. */
    public static final Pattern SAFE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private Ids() {}

    /** True when {@code value} matches {@link #SAFE_ID}. */
    public static boolean isSafe(String value) {
        return value != null && SAFE_ID.matcher(value).matches();
    }

    /**
     * Returns {@code value} when it matches {@link #SAFE_ID}.
     *
     * @throws IllegalArgumentException naming {@code field} when it does not
     */
    public static String requireSafe(String field, String value) {
        if (!isSafe(value)) {
            throw new IllegalArgumentException(field + " must match " + SAFE_ID.pattern() + " but was "
                    + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }
}
