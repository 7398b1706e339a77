package io.bulwark.verifier.adapter.sandbox;

import io.bulwark.engines.mariadb.MariaDbInspector;
import io.bulwark.engines.mariadb.MariaDbRestoreTool;

/**
 * A MySQL/MariaDB sandbox of any kind ({@code local}, {@code scratch}, {@code container}): one empty database on its
 * server, named as the source's (a {@code mariadb-dump} stream may name its own database in {@code ALTER DATABASE}
 * statements), restored into with the {@code mariadb} client ({@link MariaDbRestoreTool}) and read with {@link
 * MariaDbInspector}. Not thread-safe.
 */
public final class MariaDbSandbox extends ServerSandbox {

    /**
     * @param server the server the database lives on
     * @param database the empty database to restore into: the source database's name
     * @param restore the {@code mariadb} client
     * @param inspect the inspector, with the statement timeout of the checks
     */
    public MariaDbSandbox(SandboxServer server, String database, MariaDbRestoreTool restore, MariaDbInspector inspect) {
        super(server, database, restore, inspect);
    }
}
