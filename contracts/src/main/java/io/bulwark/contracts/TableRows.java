package io.bulwark.contracts;

/**
 * One table's exact row count at the source (from the dump's snapshot) and after the restore.
 *
 * @param restoredRows null when the table is missing from the restore
 * @param partitioned true for a partitioned table (PostgreSQL {@code relkind = 'p'}), whose counts are the sums of
 *     its partitions' counts, which are listed too: totals leave it out so that no row counts twice
 */
public record TableRows(String schema, String name, long sourceRows, Long restoredRows, boolean partitioned) {

    /** A table that stores its own rows. */
    public TableRows(String schema, String name, long sourceRows, Long restoredRows) {
        this(schema, name, sourceRows, restoredRows, false);
    }

    /** True when the restored count equals the source count. */
    public boolean matches() {
        return restoredRows != null && restoredRows == sourceRows;
    }
}
