package io.bulwark.pipeline;

import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.contracts.SourceHealth.ForeignKeyOrphans;
import io.bulwark.contracts.SourceHealth.SequencePosition;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.IndexFindings;
import io.bulwark.engines.InspectEngine;
import io.bulwark.engines.InspectEngine.QueryAnswer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An {@link Inspection} through an engine's {@link InspectEngine}, over one connection opened at first use and
 * reopened after a failure. For MySQL/MariaDB, whose names carry the database, a copy restored into a database other
 * than the source's has its names rewritten to the source database's, so that they compare with the manifest.
 */
public final class DatabaseInspection implements Inspection {

    private final InspectEngine engine;
    private final ConnectionSpec database;
    private final String sourceDatabase;
    private final boolean renaming;
    private final UnaryOperator<String> toSourceName;
    private Connection connection;

    /**
     * @param engine the engine's inspect port
     * @param database the restored database
     * @param sourceDatabase the source database's name from the manifest (MySQL/MariaDB names carry it), or null to
     *     keep names as they are
     */
    public DatabaseInspection(InspectEngine engine, ConnectionSpec database, String sourceDatabase) {
        this.engine = engine;
        this.database = database;
        String restored = database.database() + ".";
        this.sourceDatabase = sourceDatabase;
        this.renaming = "mariadb".equals(engine.engine())
                && sourceDatabase != null
                && !sourceDatabase.equals(database.database());
        this.toSourceName = renaming
                ? name -> name != null && name.startsWith(restored)
                        ? sourceDatabase + "." + name.substring(restored.length())
                        : name
                : UnaryOperator.identity();
    }

    @Override
    public SchemaInventory inventory() {
        SchemaInventory inventory = read("the inventory", c -> engine.inventory(c, database.database()));
        return rename(inventory);
    }

    @Override
    public List<ForeignKeyOrphans> foreignKeyOrphans() {
        return read("the foreign-key check", c -> engine.foreignKeyOrphans(c, database.database())).stream()
                .map(k -> new ForeignKeyOrphans(toSourceName.apply(k.constraint()), k.orphans()))
                .toList();
    }

    @Override
    public IndexFindings checkIndexes() {
        return read("the index check", c -> engine.checkIndexes(c, database.database()));
    }

    @Override
    public List<SequencePosition> sequences() {
        return read("the sequence check", c -> engine.sequences(c, database.database())).stream()
                .map(s -> new SequencePosition(
                        toSourceName.apply(s.sequence()), toSourceName.apply(s.column()), s.nextValue(), s.columnMax()))
                .toList();
    }

    @Override
    public QueryAnswer query(String sql) {
        return engine.query(connection("the query"), sql);
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the server ends the session when the connection is gone
            }
            connection = null;
        }
    }

    @FunctionalInterface
    private interface Read<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T read(String what, Read<T> read) {
        try {
            return read.apply(connection(what));
        } catch (SQLException e) {
            close();
            throw new InspectionException(what + " of the restored database failed: " + e.getMessage(), e);
        }
    }

    private Connection connection(String what) {
        if (connection == null) {
            try {
                connection = engine.connect(database);
            } catch (SQLException e) {
                throw new InspectionException(
                        "cannot connect to the restored database for " + what + ": " + e.getMessage(), e);
            }
        }
        return connection;
    }

    private SchemaInventory rename(SchemaInventory inventory) {
        if (!renaming) {
            return inventory;
        }
        UnaryOperator<List<String>> names =
                list -> list.stream().map(toSourceName).toList();
        return new SchemaInventory(
                inventory.tables().stream()
                        .map(t -> t.schema().equals(database.database())
                                ? new TableInfo(sourceDatabase, t.name(), t.rows(), t.partitioned(), t.ownRows())
                                : t)
                        .toList(),
                names.apply(inventory.views()),
                names.apply(inventory.materializedViews()),
                names.apply(inventory.sequences()),
                names.apply(inventory.functions()),
                names.apply(inventory.indexes()),
                names.apply(inventory.constraints()),
                names.apply(inventory.triggers()),
                names.apply(inventory.policies()),
                names.apply(inventory.events()),
                names.apply(inventory.extensions()),
                inventory.largeObjects());
    }
}
