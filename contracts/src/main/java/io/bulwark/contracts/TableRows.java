package io.bulwark.contracts;

/**
 * One table's exact row count at the source (from the dump's snapshot) and after the restore.
 *
 * @param restoredRows null when the table is missing from the restore
 * @param partitioned true for a partitioned table (PostgreSQL {@code relkind = 'p'}), whose counts are the sums of
 *     its partitions' counts, which are listed too: totals leave it out so that no row counts twice
 * @param sourceOwnRows for a table with inheritance children (PostgreSQL {@code INHERITS}), whose counts include
 *     its children's rows, the rows it stores itself at the source; null for every other table. Totals add these
 * @param restoredOwnRows the same after the restore; null for every other table or when it is missing
 */
public record TableRows(
        String schema,
        String name,
        long sourceRows,
        Long restoredRows,
        boolean partitioned,
        Long sourceOwnRows,
        Long restoredOwnRows) {

    /** A table that stores its own rows. */
    public TableRows(String schema, String name, long sourceRows, Long restoredRows) {
        this(schema, name, sourceRows, restoredRows, false, null, null);
    }

    /** A table that stores its own rows, or a partitioned table. */
    public TableRows(String schema, String name, long sourceRows, Long restoredRows, boolean partitioned) {
        this(schema, name, sourceRows, restoredRows, partitioned, null, null);
    }

    /** True when the restored count equals the source count. */
    public boolean matches() {
        return restoredRows != null && restoredRows == sourceRows;
    }
}
