package io.bulwark.contracts;

import java.util.List;

/**
 * The source database's own flaws at dump time, taken in the dump's snapshot (PostgreSQL) or just before the dump
 * (MySQL/MariaDB): rows that break a foreign key (one added {@code NOT VALID}, or loaded with {@code
 * FOREIGN_KEY_CHECKS=0}) and sequences that would hand out a value their column already holds (ids inserted
 * explicitly). An honest restore reproduces them, so the checks compare the restored copy with these figures and
 * report the flaws as source-health findings instead of failing the backup.
 *
 * @param foreignKeys every foreign key of the dumped tables with its orphan rows at the source; a key whose count
 *     could not be taken (its query timed out) is left out and is then judged without a baseline
 * @param sequences every ascending sequence that fills an integer column, with its position against the column's
 *     max at the source
 */
public record SourceHealth(List<ForeignKeyOrphans> foreignKeys, List<SequencePosition> sequences) {

    public SourceHealth {
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        sequences = sequences == null ? List.of() : List.copyOf(sequences);
    }

    /** The orphan rows under {@code constraint} at the source, or null when not recorded. */
    public Long orphansOf(String constraint) {
        return foreignKeys.stream()
                .filter(k -> k.constraint().equals(constraint))
                .map(ForeignKeyOrphans::orphans)
                .findFirst()
                .orElse(null);
    }

    /** The position recorded for {@code sequence} filling {@code column}, or null when not recorded. */
    public SequencePosition positionOf(String sequence, String column) {
        return sequences.stream()
                .filter(s -> s.sequence().equals(sequence) && s.column().equals(column))
                .findFirst()
                .orElse(null);
    }

    /**
     * One foreign key and the rows that break it: child rows whose key columns are all non-null and match no row of
     * the referenced table.
     *
     * @param constraint {@code schema.table.constraint} (MySQL/MariaDB: {@code database.table.constraint})
     * @param orphans the number of such rows, 0 or more
     */
    public record ForeignKeyOrphans(String constraint, long orphans) {}

    /**
     * One sequence (PostgreSQL; MySQL/MariaDB: a table's AUTO_INCREMENT) and the integer column it fills.
     *
     * @param sequence {@code schema.sequence} (MySQL/MariaDB: {@code database.table})
     * @param column {@code schema.table.column}
     * @param nextValue the value the sequence would hand out next
     * @param columnMax the column's largest value, null when the table is empty
     */
    public record SequencePosition(String sequence, String column, long nextValue, Long columnMax) {

        /** True when the next value is not above the column's max: the next insert without an id may collide. */
        public boolean behind() {
            return columnMax != null && nextValue <= columnMax;
        }
    }
}
