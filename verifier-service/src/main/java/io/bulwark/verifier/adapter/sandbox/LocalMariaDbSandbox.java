package io.bulwark.verifier.adapter.sandbox;

import io.bulwark.contracts.SchemaInventory;
import io.bulwark.engines.mariadb.LocalMariaDbInstance;
import io.bulwark.engines.mariadb.MariaDbInspector;
import io.bulwark.engines.mariadb.MariaDbRestoreTool;
import io.bulwark.verifier.application.Sandbox;
import io.bulwark.verifier.application.SandboxException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** One {@code local} MariaDB sandbox: restores with the {@code mariadb} client, inspects with {@link MariaDbInspector}. */
final class LocalMariaDbSandbox implements Sandbox {

    private final LocalMariaDbInstance instance;
    private final String database;
    private final MariaDbRestoreTool restoreTool;
    private final MariaDbInspector inspector;

    LocalMariaDbSandbox(
            LocalMariaDbInstance instance,
            String database,
            MariaDbRestoreTool restoreTool,
            MariaDbInspector inspector) {
        this.instance = instance;
        this.database = database;
        this.restoreTool = restoreTool;
        this.inspector = inspector;
    }

    @Override
    public String serverVersion() {
        return instance.serverVersion();
    }

    @Override
    public RestoreResult restore(InputStream archive, Duration timeout) {
        MariaDbRestoreTool.Result result = restoreTool.restore(archive, instance.connectionSpec(database), timeout);
        return new RestoreResult(
                result.succeeded(),
                result.succeeded() ? null : result.failureDetail(),
                result.elapsedMillis(),
                "mariadb");
    }

    @Override
    public SchemaInventory inventory() {
        try (Connection connection = instance.connect(database)) {
            return inspector.inventory(connection, database);
        } catch (SQLException e) {
            throw new SandboxException("inventory of the restored database failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        instance.close();
    }
}
