package io.bulwark.verifier.application;

import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.RestoreEngine;
import io.bulwark.pipeline.Inspection;

/**
 * A throwaway database server holding one empty database to restore into: the destination of a verification
 * (docs/architecture.md, "Verification"). The restore pipeline restores into it through the engine's restore port and reads it
 * through the inspect port.
 *
 * <p>Lifecycle: obtained started from {@link SandboxProvider#start}, used by one verification on one thread, then
 * {@link #close() closed}, which removes the server (or the scratch database) and all its files whatever happened
 * before. Not thread-safe.
 */
public interface Sandbox extends AutoCloseable {

    /** The server's version, e.g. {@code 15.20} or {@code 10.11.14-MariaDB}. */
    String serverVersion();

    /** How to reach the empty database to restore into. */
    ConnectionSpec database();

    /** The restore port of the sandbox's engine, with the tool fit for its server ({@code pg_restore}, {@code mariadb}). */
    RestoreEngine restoreEngine();

    /**
     * The restored database as the checks read it, names given as the source's ({@code sourceDatabase} qualifies
     * MySQL/MariaDB names; null keeps them). The caller closes it before the sandbox.
     */
    Inspection inspection(String sourceDatabase);

    /** Stops the server (or drops the scratch database) and removes its files; idempotent, never throws. */
    @Override
    void close();
}
