package io.bulwark.engines.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DumpEngine;
import io.bulwark.engines.DumpEngineContract;
import io.bulwark.engines.RestoreOutcome;
import io.bulwark.engines.process.ProcessRunner;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PgDumpTool} held to the {@link DumpEngineContract} on a throwaway local PostgreSQL with a
 * password ({@code scram-sha-256}), so that a wrong password is refused; restored with {@link
 * PgRestoreTool}.
 */
class PgDumpToolContractIT extends DumpEngineContract {

    @TempDir
    static Path instanceDir;

    private static LocalPostgresInstance pg;

    private final ProcessRunner runner = new ProcessRunner();
    private final PgDumpTool tool = new PgDumpTool(runner, "pg_dump", Duration.ofMinutes(5));

    @BeforeAll
    static void startPostgres() throws Exception {
        Files.setPosixFilePermissions(instanceDir, PosixFilePermissions.fromString("rwx--x--x"));
        pg = LocalPostgresInstance.startSandbox(
                instanceDir, LocalPostgresInstance.Options.sandbox(), new ProcessRunner());
    }

    @AfterAll
    static void stopPostgres() {
        if (pg != null) {
            pg.close();
        }
    }

    @Override
    protected DumpEngine engine() {
        return tool;
    }

    @Override
    protected ConnectionSpec createSampleDatabase(Map<String, Integer> tables) throws Exception {
        ConnectionSpec spec = createEmptyDatabase();
        StringBuilder sql = new StringBuilder();
        tables.forEach((name, rows) -> sql.append("CREATE TABLE ")
                .append(name)
                .append(" (id integer PRIMARY KEY, note text);")
                .append("INSERT INTO ")
                .append(name)
                .append(" SELECT g, 'row ' || g || ' ' || repeat('x', 90) FROM generate_series(1, ")
                .append(rows)
                .append(") g;"));
        try (Connection c = pgSpec(spec).connect();
                Statement st = c.createStatement()) {
            st.execute(sql.toString());
        }
        return spec;
    }

    @Override
    protected ConnectionSpec createEmptyDatabase() {
        String name = "bulwark_ct_" + UUID.randomUUID().toString().substring(0, 8);
        pg.createDatabase(name);
        return new ConnectionSpec(pg.host(), pg.port(), name, pg.username(), pg.password());
    }

    @Override
    protected void dropDatabase(ConnectionSpec database) throws Exception {
        try (Connection c = pg.connect("postgres");
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database.database() + " WITH (FORCE)");
        }
    }

    @Override
    protected void restore(Path dump, ConnectionSpec target) throws Exception {
        try (InputStream in = Files.newInputStream(dump)) {
            RestoreOutcome result =
                    new PgRestoreTool(runner, pg.binDir()).restore(in, pgSpec(target), Duration.ofMinutes(5));
            assertThat(result.succeeded()).as(result.failureDetail()).isTrue();
        }
    }

    @Override
    protected Map<String, Long> countRows(ConnectionSpec database) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = pgSpec(database).connect()) {
            for (TableInfo table : new PostgresInspector().inventory(c).tables()) {
                counts.put(table.name(), table.rows());
            }
        }
        return counts;
    }

    @Override
    protected String schemaOf(ConnectionSpec database) {
        return "public";
    }

    @Override
    protected String filterName(ConnectionSpec database, String table) {
        return "public." + table;
    }

    private static PostgresConnectionSpec pgSpec(ConnectionSpec spec) {
        return new PostgresConnectionSpec(spec.host(), spec.port(), spec.database(), spec.username(), spec.password());
    }
}
