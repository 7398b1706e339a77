package io.bulwark.pipeline;

import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SourceHealth.ForeignKeyOrphans;
import io.bulwark.contracts.SourceHealth.SequencePosition;
import io.bulwark.engines.IndexFindings;
import io.bulwark.engines.InspectEngine.QueryAnswer;
import java.util.List;

/**
 * One restored database as the check pipeline sees it: the engine's inspect port bound to that database, its names
 * given as the manifest names the source's (a MySQL/MariaDB copy restored under another database name is read as if
 * it had the source's). Not thread-safe; closed after the checks.
 */
public interface Inspection extends AutoCloseable {

    /**
     * The restored database's inventory with exact row counts.
     *
     * @throws InspectionException when the database cannot be read
     */
    SchemaInventory inventory();

    /**
     * Every foreign key with its orphan rows.
     *
     * @throws InspectionException when the database cannot be read
     */
    List<ForeignKeyOrphans> foreignKeyOrphans();

    /**
     * The engine's consistency checker over the database.
     *
     * @throws InspectionException when the database cannot be read
     */
    IndexFindings checkIndexes();

    /**
     * Every sequence with the column it fills.
     *
     * @throws InspectionException when the database cannot be read
     */
    List<SequencePosition> sequences();

    /**
     * Runs {@code sql} and answers its first value, or the database's error.
     *
     * @throws InspectionException when the database cannot be reached at all
     */
    QueryAnswer query(String sql);

    /** Releases the connection; never throws. */
    @Override
    void close();
}
