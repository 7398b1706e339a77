package io.bulwark.contracts;

/**
 * The database a restore wrote into; never holds a credential.
 *
 * @param destinationId the configured destination ({@code bulwark.restore.destinations.<id>}), or {@code
 *     target:<targetId>} for a target's own server, or {@code url} for a standalone restore
 * @param engine {@code postgresql} or {@code mariadb}
 * @param host the server's host
 * @param port the server's TCP port
 * @param database the database restored into
 * @param created true when the restore created the database (a new database)
 * @param replaced true when an existing database was emptied and restored into ({@code replace} with confirmation)
 * @param serverVersion the destination server's version, null when it was never reached
 */
public record RestoredDatabase(
        String destinationId,
        String engine,
        String host,
        int port,
        String database,
        boolean created,
        boolean replaced,
        String serverVersion) {}
