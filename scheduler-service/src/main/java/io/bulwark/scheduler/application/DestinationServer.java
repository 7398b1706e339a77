package io.bulwark.scheduler.application;

import io.bulwark.scheduler.domain.DatabaseEngine;
import java.util.Locale;
import java.util.Objects;

/**
 * A database server a restore may write to, as configured: a restore destination or a target's own server. Holds the
 * password's reference (variable or file), never the password.
 *
 * @param id the destination's id, or {@code target:<targetId>} for a target's own server (as {@code
 *     RestoredDatabase.destinationId} names it)
 * @param engine the server's engine
 * @param host the server's host, or null when not configured for the scheduler (a target's own server)
 * @param port the server's TCP port
 * @param username the user to connect as, or null when not configured for the scheduler
 * @param passwordEnv the environment variable holding the password, or null
 * @param passwordFile the file holding the password, or null
 * @param maintenanceDatabase the database to connect to for server-level statements
 */
public record DestinationServer(
        String id,
        DatabaseEngine engine,
        String host,
        int port,
        String username,
        String passwordEnv,
        String passwordFile,
        String maintenanceDatabase) {

    /** @throws NullPointerException when id, engine or maintenanceDatabase is missing */
    public DestinationServer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(maintenanceDatabase, "maintenanceDatabase");
    }

    /** The id a target's own server gets: {@code target:<targetId>}. */
    public static String targetServerId(String targetId) {
        return "target:" + targetId;
    }

    /** True when host and username are known, so the scheduler can connect. */
    public boolean connectable() {
        return host != null && !host.isBlank() && username != null && !username.isBlank();
    }

    /** {@code host:port} for messages (host in lower case), or {@code <id> (not configured here)} without host. */
    public String where() {
        return host == null
                ? id + " (host not configured for the scheduler)"
                : host.toLowerCase(Locale.ROOT) + ":" + port;
    }
}
