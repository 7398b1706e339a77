package io.bulwark.verifier.adapter.sandbox;

import io.bulwark.contracts.SchemaInventory;
import io.bulwark.engines.postgres.LocalPostgresInstance;
import io.bulwark.engines.postgres.PgRestoreTool;
import io.bulwark.engines.postgres.PostgresInspector;
import io.bulwark.verifier.application.Sandbox;
import io.bulwark.verifier.application.SandboxException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** One {@code local} sandbox: restores with {@code pg_restore}, inspects with {@link PostgresInspector}. */
final class LocalPostgresSandbox implements Sandbox {

    private final LocalPostgresInstance instance;
    private final PgRestoreTool restoreTool;
    private final PostgresInspector inspector;

    LocalPostgresSandbox(LocalPostgresInstance instance, PgRestoreTool restoreTool, PostgresInspector inspector) {
        this.instance = instance;
        this.restoreTool = restoreTool;
        this.inspector = inspector;
    }

    @Override
    public String serverVersion() {
        return instance.serverVersion();
    }

    @Override
    public RestoreResult restore(InputStream archive, Duration timeout) {
        PgRestoreTool.Result result =
                restoreTool.restore(archive, instance.connectionSpec(LocalPostgresSandboxProvider.DATABASE), timeout);
        return new RestoreResult(
                result.succeeded(), result.succeeded() ? null : result.failureDetail(), result.elapsedMillis());
    }

    @Override
    public SchemaInventory inventory() {
        try (Connection connection = instance.connect(LocalPostgresSandboxProvider.DATABASE)) {
            return inspector.inventory(connection);
        } catch (SQLException e) {
            throw new SandboxException("inventory of the restored database failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        instance.close();
    }
}
