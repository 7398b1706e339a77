package io.bulwark.verifier.adapter.sandbox;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The server a sandbox's database lives on: an ephemeral {@code local} server, or the configured {@code scratch}
 * server, on which closing drops the sandbox's database.
 *
 * @param <S> how the engine's restore tool is told where to restore
 */
interface SandboxServer<S> {

    /** The server's version, e.g. {@code 15.20}. */
    String serverVersion();

    /** How the restore tool reaches {@code database}. */
    S connectionSpec(String database);

    /** Opens a JDBC connection to {@code database}; the caller closes it. */
    Connection connect(String database) throws SQLException;

    /** Removes what the sandbox holds: the whole local server, or the scratch database; idempotent, never throws. */
    void close();
}
