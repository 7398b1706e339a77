package io.bulwark.dumpworker.domain;

import io.bulwark.contracts.Ids;
import java.time.Duration;
import java.util.Objects;

/**
 * A database the worker may dump, as configured; holds a reference to the password, never the password.
 *
 * @param id target id, {@link Ids#SAFE_ID}
 * @param engine {@code postgresql} (the only engine dumped today)
 * @param host host name or address
 * @param port TCP port
 * @param database database name
 * @param username role to connect as
 * @param password where the password comes from
 * @param dumpTimeout how long one dump may take before it is killed
 */
public record DumpTarget(
        String id,
        String engine,
        String host,
        int port,
        String database,
        String username,
        PasswordSource password,
        Duration dumpTimeout) {

    /** The engine name of PostgreSQL targets. */
    public static final String POSTGRESQL = "postgresql";

    public DumpTarget {
        Ids.requireSafe("targetId", id);
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(dumpTimeout, "dumpTimeout");
    }

    /** True when the worker can dump this target's engine. */
    public boolean isPostgres() {
        return POSTGRESQL.equalsIgnoreCase(engine) || "postgres".equalsIgnoreCase(engine);
    }
}
