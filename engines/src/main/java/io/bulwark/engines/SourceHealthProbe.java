package io.bulwark.engines;

import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SourceHealth;
import io.bulwark.contracts.SourceHealth.ForeignKeyOrphans;
import io.bulwark.contracts.SourceHealth.SequencePosition;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a source's own health at dump time through the inspect port, in the caller's transaction (PostgreSQL: the
 * dump's snapshot): the orphan rows of every foreign key of the dumped tables and the position of every sequence that
 * fills a dumped table's column. The checks then judge a restored copy against these figures rather than against a
 * flawless database. Stateless.
 */
public final class SourceHealthProbe {

    private static final Logger log = LoggerFactory.getLogger(SourceHealthProbe.class);

    private SourceHealthProbe() {}

    /**
     * The health of the dumped tables of {@code database}.
     *
     * @param dumped the dump's inventory: only its tables' keys and sequences are kept
     * @return the health, or null when it could not be taken (a statement timed out, a privilege is missing): the
     *     backup goes on, and the checks judge without a baseline
     */
    public static SourceHealth take(
            InspectEngine inspect, Connection connection, String database, SchemaInventory dumped) {
        Set<String> tables = new HashSet<>();
        dumped.tables().forEach(t -> tables.add(t.qualifiedName()));
        try {
            List<ForeignKeyOrphans> keys = inspect.foreignKeyOrphans(connection, database).stream()
                    .filter(k -> tables.contains(tableOf(k.constraint())))
                    .toList();
            List<SequencePosition> sequences = inspect.sequences(connection, database).stream()
                    .filter(s -> tables.contains(tableOf(s.column())))
                    .toList();
            return new SourceHealth(keys, sequences);
        } catch (SQLException | RuntimeException e) {
            log.warn(
                    "the source health of {} could not be taken; its backup is judged without it: {}",
                    database,
                    e.getMessage());
            return null;
        }
    }

    /** {@code schema.table} of {@code schema.table.name}. */
    private static String tableOf(String qualified) {
        int last = qualified.lastIndexOf('.');
        return last < 0 ? qualified : qualified.substring(0, last);
    }
}
