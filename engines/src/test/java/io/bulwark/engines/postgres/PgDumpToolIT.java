package io.bulwark.engines.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DumpFailedException;
import io.bulwark.engines.DumpOptions;
import io.bulwark.engines.process.ProcessRunner;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgDumpToolIT {

    private final ProcessRunner runner = new ProcessRunner();
    private final PgDumpTool tool = new PgDumpTool(runner, "pg_dump", Duration.ofMinutes(5));

    @Test
    void countsAndDumpShareOneSnapshotWhileTheSourceChanges(@TempDir Path dir) throws Exception {
        try (PostgresTestDatabase db = new PostgresTestDatabase("bulwark_pgdump_it")) {
            db.execute(PostgresTestDatabase.SAMPLE_SCHEMA);
            Path archive = dir.resolve("dump.pgcustom");
            try (PgDumpSession session = tool.open(db.spec)) {
                assertThat(session.snapshotId()).isNotBlank();
                assertThat(session.toolVersion()).startsWith("pg_dump (PostgreSQL)");
                assertThat(session.inventory().tables()).contains(new TableInfo("public", "customer", 25));
                try (Connection other = db.spec.connect();
                        Statement st = other.createStatement()) {
                    st.execute("INSERT INTO customer (name) SELECT 'late' || g FROM generate_series(1, 10) g");
                }
                try (InputStream out = session.stdout()) {
                    Files.copy(out, archive);
                }
                session.awaitSuccess();
            }
            ProcessRunner.Result list = runner.run(
                    ProcessRunner.Command.of(Duration.ofMinutes(1), "pg_restore", "--list", archive.toString()));
            assertThat(list.succeeded()).as(list.stderr()).isTrue();
            assertThat(list.stdout()).contains("TABLE DATA public customer", "TABLE DATA Sales Order Items");
            Path data = dir.resolve("customer.sql");
            ProcessRunner.Result customer = runner.run(ProcessRunner.Command.of(
                    Duration.ofMinutes(1),
                    "pg_restore",
                    "--data-only",
                    "--table=customer",
                    "--file=" + data,
                    archive.toString()));
            assertThat(customer.succeeded()).as(customer.stderr()).isTrue();
            assertThat(Files.readString(data)).contains("c25").doesNotContain("late1");
        }
    }

    @Test
    void passesThePasswordThroughTheEnvironmentAndNeverShowsAWrongOne(@TempDir Path work) throws Exception {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
        try (LocalPostgresInstance pg =
                LocalPostgresInstance.startSandbox(work, LocalPostgresInstance.Options.sandbox(), runner)) {
            pg.createDatabase("shop");
            PostgresConnectionSpec spec = pg.connectionSpec("shop");
            try (Connection c = spec.connect();
                    Statement st = c.createStatement()) {
                st.execute("CREATE TABLE item (id int); INSERT INTO item SELECT generate_series(1, 7)");
            }
            try (PgDumpSession session = tool.open(spec)) {
                long bytes;
                try (InputStream out = session.stdout()) {
                    bytes = out.transferTo(java.io.OutputStream.nullOutputStream());
                }
                session.awaitSuccess();
                assertThat(bytes).isPositive();
                assertThat(session.inventory().tables()).containsExactly(new TableInfo("public", "item", 7));
            }

            String wrong = "wrong-password-" + System.nanoTime();
            PostgresConnectionSpec badSpec =
                    new PostgresConnectionSpec(spec.host(), spec.port(), "shop", spec.username(), wrong);
            assertThatThrownBy(() -> tool.open(badSpec)).isInstanceOfSatisfying(DumpFailedException.class, e -> {
                assertThat(e.reason()).isEqualTo(FailureReason.AUTHENTICATION_FAILED);
                assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(pg.password());
            });
        }
    }

    @Test
    void aTableThatRowLevelSecurityWouldFilterFailsTheDumpInsteadOfBeingUndercounted() throws Exception {
        String role = "bulwark_rls_" + Long.toHexString(System.nanoTime());
        try (PostgresTestDatabase db = new PostgresTestDatabase("bulwark_pgdump_rls")) {
            db.execute("CREATE ROLE " + role + " LOGIN");
            try {
                db.execute("CREATE TABLE secret (id int); INSERT INTO secret VALUES (1), (2);"
                        + " ALTER TABLE secret ENABLE ROW LEVEL SECURITY;"
                        + " CREATE POLICY none ON secret USING (false);"
                        + " GRANT SELECT ON secret TO " + role);
                PostgresConnectionSpec asRole =
                        new PostgresConnectionSpec("127.0.0.1", 5432, db.spec.database(), role, null);
                try (PgDumpSession session = tool.open(asRole)) {
                    assertThatThrownBy(() -> drain(session)).isInstanceOfSatisfying(DumpFailedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(FailureReason.PERMISSION_DENIED);
                        assertThat(e.getMessage()).contains("row-level security");
                    });
                    assertThatThrownBy(session::inventory).isInstanceOf(DumpFailedException.class);
                }
            } finally {
                db.execute("DROP TABLE IF EXISTS secret");
                try (Connection c = PostgresTestDatabase.ADMIN.connect();
                        Statement st = c.createStatement()) {
                    st.execute("DROP ROLE IF EXISTS " + role);
                }
            }
        }
    }

    @Test
    void aMissingDatabaseFailsAsDatabaseMissing() {
        PostgresConnectionSpec missing = PostgresTestDatabase.ADMIN.withDatabase("bulwark_no_such_db");
        assertThatThrownBy(() -> tool.open(missing)).isInstanceOfSatisfying(DumpFailedException.class, e -> {
            assertThat(e.reason()).isEqualTo(FailureReason.DATABASE_MISSING);
            assertThat(e.getMessage()).contains("bulwark_no_such_db");
        });
    }

    @Test
    void aClosedPortFailsAsConnectionRefused() {
        PostgresConnectionSpec closed = new PostgresConnectionSpec("127.0.0.1", 1, "x", "postgres", "pw-secret");
        assertThatThrownBy(() -> tool.open(closed)).isInstanceOfSatisfying(DumpFailedException.class, e -> {
            assertThat(e.reason()).isEqualTo(FailureReason.CONNECTION_REFUSED);
            assertThat(e.getMessage()).doesNotContain("pw-secret");
        });
    }

    @Test
    void aMissingBinaryFailsAsToolMissing() throws Exception {
        PgDumpTool broken = new PgDumpTool(runner, "/nonexistent/pg_dump", Duration.ofMinutes(1));
        try (PostgresTestDatabase db = new PostgresTestDatabase("bulwark_pgdump_missing")) {
            assertThatThrownBy(() -> broken.open(db.spec))
                    .isInstanceOfSatisfying(
                            DumpFailedException.class,
                            e -> assertThat(e.reason()).isEqualTo(FailureReason.TOOL_MISSING));
        }
    }

    @Test
    void aPgDumpOlderThanTheServerFailsAsToolTooOldBeforeDumping(@TempDir Path dir) throws Exception {
        Path old = dir.resolve("pg_dump");
        Path ran = dir.resolve("dumped");
        Files.writeString(
                old,
                "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'pg_dump (PostgreSQL) 9.6.24'; exit 0; fi\ntouch "
                        + ran + "\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwx------"));
        PgDumpTool tooOld = new PgDumpTool(runner, old.toString(), Duration.ofMinutes(1));
        try (PostgresTestDatabase db = new PostgresTestDatabase("bulwark_pgdump_old")) {
            assertThatThrownBy(() -> tooOld.open(db.spec)).isInstanceOfSatisfying(DumpFailedException.class, e -> {
                assertThat(e.reason()).isEqualTo(FailureReason.TOOL_TOO_OLD);
                assertThat(e.getMessage()).contains("version 9", "PostgreSQL 15", "postgresql-client-15");
            });
        }
        assertThat(ran).as("the old pg_dump must not be started to dump").doesNotExist();
    }

    @Test
    void schemaAndTableFiltersSelectTheSameObjectsInTheDumpAndTheInventory(@TempDir Path dir) throws Exception {
        try (PostgresTestDatabase db = new PostgresTestDatabase("bulwark_pgdump_filter")) {
            db.execute(PostgresTestDatabase.SAMPLE_SCHEMA);
            ConnectionSpec spec = new ConnectionSpec("127.0.0.1", 5432, db.spec.database(), "postgres", null);

            String onlySales = dumpList(spec, new DumpOptions(List.of("Sales"), null, null, null, TIMEOUT), dir, "a");
            assertThat(onlySales).contains("TABLE DATA Sales Order Items").doesNotContain("TABLE DATA public customer");

            DumpOptions noCustomer = new DumpOptions(null, null, null, List.of("public.customer"), TIMEOUT);
            try (PgDumpSession session = tool.open(spec, noCustomer)) {
                drain(session);
                assertThat(session.inventory().tables())
                        .extracting(TableInfo::qualifiedName)
                        .contains("Sales.Order Items", "public.measurement")
                        .doesNotContain("public.customer");
                assertThat(session.inventory().indexes()).noneMatch(i -> i.startsWith("public.customer."));
                assertThat(session.inventory().triggers()).isEmpty();
                assertThat(session.inventory().sequences()).contains("public.customer_id_seq");
                assertThat(session.inventory().functions()).containsExactly("public.touch()");
            }
            String listed = dumpList(spec, noCustomer, dir, "b");
            assertThat(listed).doesNotContain("TABLE DATA public customer").contains("SEQUENCE public customer_id_seq");

            DumpOptions onlyCustomer = new DumpOptions(null, null, List.of("public.customer"), null, TIMEOUT);
            try (PgDumpSession session = tool.open(spec, onlyCustomer)) {
                drain(session);
                assertThat(session.inventory().tables()).containsExactly(new TableInfo("public", "customer", 25));
                assertThat(session.inventory().sequences()).containsExactly("public.customer_id_seq");
                assertThat(session.inventory().triggers()).containsExactly("public.customer.customer_touch");
                assertThat(session.inventory().policies()).containsExactly("public.customer.customer_all");
                assertThat(session.inventory().functions()).isEmpty();
                assertThat(session.inventory().views()).isEmpty();
                assertThat(session.inventory().extensions()).isEmpty();
            }
            String onlyCustomerList = dumpList(spec, onlyCustomer, dir, "c");
            assertThat(onlyCustomerList)
                    .contains("TABLE DATA public customer", "SEQUENCE public customer_id_seq")
                    .doesNotContain("Order Items", "FUNCTION public touch");
        }
    }

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private static void drain(PgDumpSession session) throws java.io.IOException {
        try (InputStream out = session.stdout()) {
            out.transferTo(java.io.OutputStream.nullOutputStream());
        }
        session.awaitSuccess();
    }

    private String dumpList(ConnectionSpec spec, DumpOptions options, Path dir, String name) throws Exception {
        Path archive = dir.resolve(name + ".pgcustom");
        try (PgDumpSession session = tool.open(spec, options)) {
            try (InputStream out = session.stdout()) {
                Files.copy(out, archive);
            }
            session.awaitSuccess();
        }
        ProcessRunner.Result list =
                runner.run(ProcessRunner.Command.of(Duration.ofMinutes(1), "pg_restore", "--list", archive.toString()));
        assertThat(list.succeeded()).as(list.stderr()).isTrue();
        return list.stdout();
    }
}
