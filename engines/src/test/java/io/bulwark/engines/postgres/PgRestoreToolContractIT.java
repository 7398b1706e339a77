package io.bulwark.engines.postgres;

import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DumpEngine;
import io.bulwark.engines.InspectEngine;
import io.bulwark.engines.RestoreEngine;
import io.bulwark.engines.RestoreEngineContract;
import io.bulwark.engines.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PgRestoreTool} held to the {@link RestoreEngineContract} on a throwaway local PostgreSQL with passwords
 * ({@code scram-sha-256}), so that a wrong password is refused (the machine's server on 5432 trusts every local
 * connection); the archive is written by {@link PgDumpTool} with the same server's binaries.
 */
class PgRestoreToolContractIT extends RestoreEngineContract {

    @TempDir
    static Path instanceDir;

    private final ProcessRunner runner = new ProcessRunner();
    private LocalPostgresInstance pg;
    private PgRestoreTool restoreTool;
    private PgDumpTool dumpTool;

    @Override
    protected void beforeContract() throws Exception {
        Files.setPosixFilePermissions(instanceDir, PosixFilePermissions.fromString("rwx--x--x"));
        pg = LocalPostgresInstance.startSandbox(instanceDir, LocalPostgresInstance.Options.sandbox(), runner);
        restoreTool = new PgRestoreTool(runner, pg.binDir());
        dumpTool = new PgDumpTool(runner, pg.binDir().resolve("pg_dump").toString(), TIMEOUT);
    }

    @Override
    protected void afterContract() {
        if (pg != null) {
            pg.close();
        }
        runner.close();
    }

    @Override
    protected RestoreEngine engine() {
        return restoreTool;
    }

    @Override
    protected DumpEngine dumpEngine() {
        return dumpTool;
    }

    @Override
    protected InspectEngine inspector() {
        return new PostgresInspector();
    }

    @Override
    protected ConnectionSpec server() {
        return new ConnectionSpec(pg.host(), pg.port(), "postgres", pg.username(), pg.password());
    }

    @Override
    protected String fixtureSql() {
        return """
                CREATE TABLE customer (id serial PRIMARY KEY, name text NOT NULL);
                CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL, qty integer NOT NULL,
                    CONSTRAINT orders_qty_check CHECK (qty > 0),
                    CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id));
                CREATE INDEX orders_customer_idx ON orders (customer_id);
                CREATE TABLE item (id integer PRIMARY KEY, label text);
                CREATE TABLE empty_table (id integer PRIMARY KEY, note text);
                CREATE VIEW big_orders AS SELECT * FROM orders WHERE qty > 5;
                INSERT INTO customer (name) SELECT 'customer ' || g FROM generate_series(1, 25) g;
                INSERT INTO orders SELECT g, 1 + g % 25, 1 + g % 10 FROM generate_series(1, 40) g;
                INSERT INTO item SELECT g, 'item ' || g FROM generate_series(1, 7) g;
                """;
    }

    @Override
    protected void execute(ConnectionSpec database, String sql) throws Exception {
        try (Connection c = PostgresConnectionSpec.of(database).connect();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    protected String schemaOf(String database) {
        return "public";
    }

    @Override
    protected String selectionName(String table) {
        return "public." + table;
    }

    /** A login role with a password that owns {@code database}, so it may create in its {@code public} schema. */
    @Override
    protected ConnectionSpec createAccount(String database) throws Exception {
        String role = uniqueName("bk");
        String password = "p'w \"" + UUID.randomUUID();
        try (Connection c = pg.connect("postgres");
                Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            st.execute("ALTER DATABASE " + PostgresInspector.quoteIdentifier(database) + " OWNER TO " + role);
        }
        return new ConnectionSpec(pg.host(), pg.port(), database, role, password);
    }

    @Override
    protected void dropAccount(ConnectionSpec account) throws Exception {
        try (Connection c = pg.connect("postgres");
                Statement st = c.createStatement()) {
            st.execute("DROP ROLE IF EXISTS " + account.username());
        }
    }

    @Override
    protected boolean unreadableHeadIsConclusive() {
        return true;
    }

    @Override
    protected String tableOfContentsMarker() {
        return "CREATE TABLE public.orders";
    }

    @Override
    protected boolean supportsParallel() {
        return true;
    }

    @Override
    protected boolean plansFromTheArchive() {
        return true;
    }

    @Override
    protected boolean supportsSchemaSelection() {
        return true;
    }
}
