package io.bulwark.verifier.adapter.sandbox;

import io.bulwark.engines.ConnectionSpec;
import java.util.Objects;
import java.util.function.Function;

/**
 * The server a sandbox's database lives on, whatever its kind: an ephemeral {@code local} server, a {@code container},
 * or the configured {@code scratch} server; closing it removes what the sandbox holds (the server, the container, the
 * scratch database).
 *
 * @param serverVersion the server's version as it reports it
 * @param specs how the engine's tools reach a database of the server
 * @param closer removes what the sandbox holds; idempotent, never throws
 */
public record SandboxServer(String serverVersion, Function<String, ConnectionSpec> specs, Runnable closer) {

    public SandboxServer {
        Objects.requireNonNull(specs, "specs");
        Objects.requireNonNull(closer, "closer");
    }

    /** How the engine's tools reach {@code database}. */
    public ConnectionSpec connectionSpec(String database) {
        return specs.apply(database);
    }

    /** Removes what the sandbox holds; idempotent, never throws. */
    public void close() {
        closer.run();
    }
}
