package io.bulwark.verifier.adapter.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.testcontainers.containers.GenericContainer;

/**
 * The server of one {@code container} sandbox: closing removes its container.
 *
 * @param <S> how the engine's restore tool is told where to restore
 */
final class ContainerServer<S> implements SandboxServer<S> {

    /** Opens a JDBC connection to a database of the container's server. */
    @FunctionalInterface
    interface Connector {
        Connection connect(String database) throws SQLException;
    }

    private final SandboxContainers containers;
    private final GenericContainer<?> container;
    private final String version;
    private final Function<String, S> specs;
    private final Connector connector;

    /**
     * @param version the server's version as it reports it
     * @param specs the restore tool's connection to a database of the server
     */
    ContainerServer(
            SandboxContainers containers,
            GenericContainer<?> container,
            String version,
            Function<String, S> specs,
            Connector connector) {
        this.containers = containers;
        this.container = container;
        this.version = version;
        this.specs = specs;
        this.connector = connector;
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
        containers.stop(container);
    }
}
