package io.bulwark.verifier.adapter.sandbox;

import io.bulwark.engines.postgres.PgRestoreTool;
import io.bulwark.engines.postgres.PostgresInspector;

/**
 * A PostgreSQL sandbox of any kind ({@code local}, {@code scratch}, {@code container}): one empty database on its
 * server, restored into with {@code pg_restore} ({@link PgRestoreTool}) and read with {@link PostgresInspector}. Not
 * thread-safe.
 */
public final class PostgresSandbox extends ServerSandbox {

    /** The database a sandbox of its own server restores into. */
    public static final String DATABASE = "restore";

    /**
     * @param server the server the database lives on
     * @param database the empty database to restore into
     * @param restore {@code pg_restore}, at least the source's major version
     * @param inspect the inspector, with the statement timeout of the checks
     */
    public PostgresSandbox(SandboxServer server, String database, PgRestoreTool restore, PostgresInspector inspect) {
        super(server, database, restore, inspect);
    }
}
