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

    private final Runnable beforeInspection;

    /**
     * @param server the server the database lives on
     * @param database the empty database to restore into
     * @param restore {@code pg_restore}, at least the source's major version
     * @param inspect the inspector, with the statement timeout of the checks
     */
    public PostgresSandbox(SandboxServer server, String database, PgRestoreTool restore, PostgresInspector inspect) {
        this(server, database, restore, inspect, () -> {});
    }

    /**
     * @param restore {@code pg_restore} ({@link PgRestoreTool}), possibly wrapped
     * @param beforeInspection runs once the restore is over, before the checks read the database (e.g. the
     *     superuser installs {@code amcheck} for an unprivileged restore role); may throw to fail the inspection
     */
    public PostgresSandbox(
            SandboxServer server,
            String database,
            io.bulwark.engines.RestoreEngine restore,
            PostgresInspector inspect,
            Runnable beforeInspection) {
        super(server, database, restore, inspect);
        this.beforeInspection = java.util.Objects.requireNonNull(beforeInspection, "beforeInspection");
    }

    @Override
    public io.bulwark.pipeline.Inspection inspection(String sourceDatabase) {
        beforeInspection.run();
        return super.inspection(sourceDatabase);
    }
}
