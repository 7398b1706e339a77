package io.bulwark.verifier.adapter.sandbox;

import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.InspectEngine;
import io.bulwark.engines.RestoreEngine;
import io.bulwark.pipeline.DatabaseInspection;
import io.bulwark.pipeline.Inspection;
import io.bulwark.verifier.application.Sandbox;

/**
 * What a PostgreSQL and a MariaDB sandbox share: one database on a {@link SandboxServer}, restored into through the
 * engine's restore port and read through its inspect port. Not thread-safe.
 */
abstract sealed class ServerSandbox implements Sandbox permits PostgresSandbox, MariaDbSandbox {

    private final SandboxServer server;
    private final String database;
    private final RestoreEngine restore;
    private final InspectEngine inspect;

    ServerSandbox(SandboxServer server, String database, RestoreEngine restore, InspectEngine inspect) {
        this.server = server;
        this.database = database;
        this.restore = restore;
        this.inspect = inspect;
    }

    @Override
    public String serverVersion() {
        return server.serverVersion();
    }

    @Override
    public ConnectionSpec database() {
        return server.connectionSpec(database);
    }

    @Override
    public RestoreEngine restoreEngine() {
        return restore;
    }

    @Override
    public Inspection inspection(String sourceDatabase) {
        return new DatabaseInspection(inspect, database(), sourceDatabase);
    }

    @Override
    public void close() {
        server.close();
    }
}
