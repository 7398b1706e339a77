package io.bulwark.verifier.adapter.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * A {@link SandboxServer} made of its parts: the server a {@code container} or {@code scratch} sandbox lives on,
 * whose closing is what the provider says (remove the container, drop the scratch database).
 *
 * @param <S> how the engine's restore tool is told where to restore
 */
final class DelegatingServer<S> implements SandboxServer<S> {

    /** Opens a JDBC connection to a database of the server. */
    @FunctionalInterface
    interface Connector {
        Connection connect(String database) throws SQLException;
    }

    private final String version;
    private final Function<String, S> specs;
    private final Connector connector;
    private final Runnable closer;

    /**
     * @param version the server's version as it reports it
     * @param specs the restore tool's connection to a database of the server
     * @param connector opens a JDBC connection to a database of the server
     * @param closer removes what the sandbox holds; must be idempotent and never throw
     */
    DelegatingServer(String version, Function<String, S> specs, Connector connector, Runnable closer) {
        this.version = version;
        this.specs = specs;
        this.connector = connector;
        this.closer = closer;
    }

    @Override
    public String serverVersion() {
        return version;
    }

    @Override
    public S connectionSpec(String database) {
        return specs.apply(database);
    }

    @Override
    public Connection connect(String database) throws SQLException {
        return connector.connect(database);
    }

    @Override
    public void close() {
        closer.run();
    }
}
