package io.bulwark.engines;

import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SourceHealth.ForeignKeyOrphans;
import io.bulwark.contracts.SourceHealth.SequencePosition;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A database engine's inspect adapter (the inspect port): what a database holds and whether it is consistent, read
 * through a JDBC connection. The dump-worker inspects the source in the dump's snapshot (the caller's transaction);
 * the verifier inspects what it restored.
 *
 * <p>Every method reads through the caller's connection, inside whatever transaction the caller opened, and names
 * objects as {@link SchemaInventory} does. Every statement runs under the adapter's statement timeout (JDBC query
 * timeout), so a huge table or a hostile function cannot hold a check forever. Implementations are stateless and
 * thread-safe; every implementation passes {@code InspectEngineContract} (engines' tests).
 */
public interface InspectEngine {

    /** The engine name as manifests write it: {@code postgresql} or {@code mariadb}. */
    String engine();

    /**
     * Opens a JDBC connection to {@code database}'s database; the caller closes it.
     *
     * @throws SQLException when the server cannot be reached or refuses
     */
    Connection connect(ConnectionSpec database) throws SQLException;

    /**
     * The server's version, e.g. {@code 15.20} or {@code 10.11.14-MariaDB}.
     *
     * @throws SQLException as the driver reports it
     */
    String serverVersion(Connection connection) throws SQLException;

    /**
     * The schema inventory of {@code database} with exact row counts (and, on PostgreSQL, the number of large
     * objects).
     *
     * @param database the database inspected: PostgreSQL inspects the connection's own database and ignores it,
     *     MySQL/MariaDB reads that schema
     * @throws SQLException as the driver reports it (a statement timeout among others)
     */
    SchemaInventory inventory(Connection connection, String database) throws SQLException;

    /**
     * Every foreign key of {@code database} with its orphan rows: child rows whose key columns are all non-null and
     * match no row of the referenced table. Empty when there is no foreign key. A partition's copy of its parent's key
     * is left out (the parent's covers it).
     *
     * @throws SQLException as the driver reports it
     */
    List<ForeignKeyOrphans> foreignKeyOrphans(Connection connection, String database) throws SQLException;

    /**
     * Runs the engine's consistency checker: PostgreSQL {@code amcheck}'s {@code bt_index_check} on every valid btree
     * index, MariaDB {@code CHECK TABLE} on every table. A checker that is not installed is a finding ({@link
     * IndexFindings#notRun}), not an exception.
     *
     * @throws SQLException as the driver reports it
     */
    IndexFindings checkIndexes(Connection connection, String database) throws SQLException;

    /**
     * Every ascending sequence with each integer column it fills, its next value and the column's max: PostgreSQL a
     * sequence owned by the column (serial, {@code OWNED BY}, identity) or that the column's default takes values
     * from ({@code DEFAULT nextval(...)}); MariaDB a table's AUTO_INCREMENT.
     *
     * @throws SQLException as the driver reports it
     */
    List<SequencePosition> sequences(Connection connection, String database) throws SQLException;

    /**
     * Runs {@code sql} and answers the first column of its first row as text.
     *
     * @return the value (null for SQL NULL or no row), or the database's error; never throws for an SQL error
     */
    QueryAnswer query(Connection connection, String sql);

    /**
     * The answer to {@link #query}.
     *
     * @param value the first column of the first row as text; null for SQL NULL or no row
     * @param error the database's error when the statement failed, else null
     */
    record QueryAnswer(String value, String error) {}
}
