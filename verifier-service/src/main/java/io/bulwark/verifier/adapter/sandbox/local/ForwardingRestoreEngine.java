package io.bulwark.verifier.adapter.sandbox.local;

import io.bulwark.engines.ArchiveHead;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DatabaseState;
import io.bulwark.engines.RestoreEngine;
import io.bulwark.engines.RestoreOptions;
import io.bulwark.engines.RestoreOutcome;
import io.bulwark.engines.RestorePlan;
import io.bulwark.engines.RestoreSelection;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link RestoreEngine} that hands every call to another one: the base of the local sandboxes' decorators, which
 * override {@link #restore} to add to a failed restore's errors and leave the rest as the engine does it.
 */
abstract class ForwardingRestoreEngine implements RestoreEngine {

    private final RestoreEngine engine;

    /**
     * @param engine the engine every call goes to
     * @throws NullPointerException when {@code engine} is null
     */
    ForwardingRestoreEngine(RestoreEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public RestoreOutcome restore(InputStream archive, ConnectionSpec destination, RestoreOptions options) {
        return engine.restore(archive, destination, options);
    }

    @Override
    public String engine() {
        return engine.engine();
    }

    @Override
    public String toolName() {
        return engine.toolName();
    }

    @Override
    public int headBytes() {
        return engine.headBytes();
    }

    @Override
    public int maxHeadBytes() {
        return engine.maxHeadBytes();
    }

    @Override
    public ArchiveHead readHead(byte[] head, Duration timeout) {
        return engine.readHead(head, timeout);
    }

    @Override
    public RestorePlan plan(byte[] head, RestoreSelection selection, Duration timeout) {
        return engine.plan(head, selection, timeout);
    }

    @Override
    public DatabaseState databaseState(ConnectionSpec server, String database) throws SQLException {
        return engine.databaseState(server, database);
    }

    @Override
    public void createDatabase(ConnectionSpec server, String database) throws SQLException {
        engine.createDatabase(server, database);
    }

    @Override
    public void dropDatabase(ConnectionSpec server, String database) throws SQLException {
        engine.dropDatabase(server, database);
    }

    @Override
    public DatabaseLock tryLock(ConnectionSpec server, String database) throws SQLException {
        return engine.tryLock(server, database);
    }
}
