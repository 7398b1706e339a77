package io.bulwark.contracts;

/**
 * One table's exact row count at the source (from the dump's snapshot) and after the restore.
 *
 * @param restoredRows null when the table is missing from the restore
 */
public record TableRows(String schema, String name, long sourceRows, Long restoredRows) {

    /** True when the restored count equals the source count. */
    public boolean matches() {
        return restoredRows != null && restoredRows == sourceRows;
    }
}
