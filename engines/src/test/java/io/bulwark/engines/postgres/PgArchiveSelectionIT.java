package io.bulwark.engines.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.engines.postgres.PgRestorePlan.ForeignKeyLeftOut;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ProcessRunner.Command;
import io.bulwark.engines.process.ProcessRunner.RunningProcess;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plans partial restores of a real {@code pg_dump -Fc -Z0} archive (read from a pipe, as the dump-worker
 * writes it) from its head alone, restores them with {@code pg_restore -L} reading the archive from stdin
 * into fresh databases on the machine's PostgreSQL, and checks the restored objects against the plan and
 * the source.
 */
class PgArchiveSelectionIT {

    private static final ProcessRunner RUNNER = new ProcessRunner();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int HEAD_BYTES = 64 * 1024;

    private static final String SCHEMA = """
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            CREATE SCHEMA "Sales";
            CREATE SEQUENCE invoice_no START 1000;
            CREATE TABLE parent (id serial PRIMARY KEY, name text NOT NULL, padding text);
            CREATE TABLE child (
                id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                parent_id int REFERENCES parent (id),
                feeling mood,
                invoice int DEFAULT nextval('invoice_no'),
                note text CONSTRAINT short_note CHECK (length(note) < 100));
            CREATE INDEX child_note_idx ON child (note);
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER child_touch BEFORE UPDATE ON child FOR EACH ROW EXECUTE FUNCTION touch();
            ALTER TABLE child ENABLE ROW LEVEL SECURITY;
            CREATE POLICY child_all ON child USING (true);
            CREATE TABLE "Sales"."Order Items" (id bigint PRIMARY KEY, child_id int REFERENCES child (id), qty int);
            CREATE TABLE measurement (id int, parent_id int REFERENCES parent (id), taken date NOT NULL,
                CONSTRAINT positive CHECK (id > 0), PRIMARY KEY (id, taken)) PARTITION BY RANGE (taken);
            CREATE TABLE measurement_2025 PARTITION OF measurement FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
            CREATE TABLE measurement_2026 PARTITION OF measurement FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            CREATE INDEX measurement_taken_idx ON measurement (taken);
            CREATE TRIGGER measurement_touch BEFORE UPDATE ON measurement FOR EACH ROW EXECUTE FUNCTION touch();
            CREATE VIEW happy_child AS SELECT * FROM child WHERE feeling = 'happy';
            CREATE MATERIALIZED VIEW parent_count AS SELECT count(*) AS n FROM parent;
            INSERT INTO parent (name, padding) SELECT 'p' || g, repeat('x', 100) FROM generate_series(1, 5000) g;
            INSERT INTO child (parent_id, feeling, note) SELECT 1 + g % 5000, 'happy', 'n' || g FROM generate_series(1, 700) g;
            INSERT INTO "Sales"."Order Items" SELECT g, 1 + g % 700, g FROM generate_series(1, 300) g;
            INSERT INTO measurement SELECT g, 1 + g % 5000, DATE '2025-06-01' + g FROM generate_series(1, 400) g;
            SELECT nextval('invoice_no') FROM generate_series(1, 17);
            """;

    private static PostgresTestDatabase source;
    private static byte[] archive;
    private static SchemaInventory sourceInventory;
    private static PgArchiveSelection selection;

    @BeforeAll
    static void dumpASource() throws Exception {
        source = new PostgresTestDatabase("bulwark_partial_it");
        source.execute(SCHEMA);
        RunningProcess dump = RUNNER.start(Command.of(
                TIMEOUT, "pg_dump", "-Fc", "-Z0", "-h", "127.0.0.1", "-U", "postgres", "-d", source.spec.database()));
        dump.stdin().close();
        archive = dump.stdout().readAllBytes();
        assertThat(dump.waitFor()).as(dump.stderr()).isZero();
        assertThat(archive.length).isGreaterThan(2 * HEAD_BYTES);
        try (Connection c = source.spec.connect()) {
            sourceInventory = new PostgresInspector().inventory(c);
        }
        selection = new PgArchiveSelection(RUNNER, null);
    }

    @AfterAll
    static void dropTheSource() throws Exception {
        if (source != null) {
            source.close();
        }
    }

    private static PgRestorePlan plan(Set<String> schemas, Set<String> tables) {
        return selection.plan(Arrays.copyOf(archive, HEAD_BYTES), schemas, tables, TIMEOUT);
    }

    /** Restores with the plan's use-list, the archive fed on stdin; returns pg_restore's stderr. */
    private static String restore(PgRestorePlan plan, PostgresTestDatabase target) throws Exception {
        Path list = Files.createTempFile("partial", ".list");
        try {
            Files.writeString(list, plan.useList());
            List<String> argv = List.of(
                    "pg_restore",
                    "--no-owner",
                    "--no-privileges",
                    "-L",
                    list.toString(),
                    "-h",
                    "127.0.0.1",
                    "-U",
                    "postgres",
                    "-d",
                    target.spec.database());
            try (RunningProcess restore = RUNNER.start(new Command(argv, Map.of(), TIMEOUT))) {
                ProcessRunner.Feed feed = restore.feed(new ByteArrayInputStream(archive), 64 * 1024);
                int exit = restore.waitFor();
                assertThat(exit).as(restore.stderr()).isZero();
                assertThat(feed.inputError()).isNull();
                return restore.stderr();
            }
        } finally {
            Files.deleteIfExists(list);
        }
    }

    private static SchemaInventory inventory(PostgresTestDatabase db) throws Exception {
        try (Connection c = db.spec.connect()) {
            return new PostgresInspector().inventory(c);
        }
    }

    private static Map<String, Long> rows(SchemaInventory inventory) {
        return inventory.tables().stream().collect(Collectors.toMap(TableInfo::qualifiedName, TableInfo::rows));
    }

    private static String single(PostgresTestDatabase db, String sql) throws Exception {
        try (Connection c = db.spec.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The restored database holds exactly what the plan names, and the source holds it too. */
    private static void assertMatchesPlan(SchemaInventory restored, PgRestorePlan plan) {
        assertThat(restored.tables()).extracting(TableInfo::qualifiedName).containsExactlyElementsOf(plan.tables());
        assertThat(restored.sequences()).containsExactlyElementsOf(plan.sequences());
        assertThat(restored.indexes()).containsExactlyElementsOf(plan.indexes());
        assertThat(restored.constraints()).containsExactlyElementsOf(plan.constraints());
        assertThat(restored.triggers()).containsExactlyElementsOf(plan.triggers());
        assertThat(restored.policies()).containsExactlyElementsOf(plan.policies());
        assertThat(sourceInventory.indexes()).containsAll(plan.indexes());
        assertThat(sourceInventory.constraints()).containsAll(plan.constraints());
        assertThat(sourceInventory.triggers()).containsAll(plan.triggers());
        Map<String, Long> sourceRows = rows(sourceInventory);
        rows(restored).forEach((table, count) -> assertThat(count).as(table).isEqualTo(sourceRows.get(table)));
    }

    @Test
    void restoresAChildTableWithItsObjectsAndReportsItsForeignKeyToTheParentLeftOut() throws Exception {
        PgRestorePlan plan = plan(Set.of(), Set.of("child", "Sales.Order Items"));

        assertThat(plan.tables()).containsExactly("Sales.Order Items", "public.child");
        assertThat(plan.foreignKeysLeftOut())
                .containsExactly(
                        new ForeignKeyLeftOut("public.child.child_parent_id_fkey", "public.child", "public.parent"));
        try (PostgresTestDatabase target = new PostgresTestDatabase("bulwark_partial_target")) {
            restore(plan, target);
            SchemaInventory restored = inventory(target);

            assertMatchesPlan(restored, plan);
            assertThat(rows(restored))
                    .containsOnly(Map.entry("Sales.Order Items", 300L), Map.entry("public.child", 700L));
            assertThat(restored.sequences()).containsExactly("public.child_id_seq", "public.invoice_no");
            assertThat(restored.indexes()).contains("public.child.child_note_idx", "public.child.child_pkey");
            assertThat(restored.constraints())
                    .contains("public.child.short_note", "Sales.Order Items.Order Items_child_id_fkey")
                    .doesNotContain("public.child.child_parent_id_fkey");
            assertThat(restored.triggers()).containsExactly("public.child.child_touch");
            assertThat(restored.policies()).containsExactly("public.child.child_all");
            assertThat(restored.functions()).containsExactly("public.touch()");
            assertThat(restored.views()).isEmpty();
            assertThat(restored.materializedViews()).isEmpty();
            assertThat(single(target, "SELECT relrowsecurity FROM pg_class WHERE oid = 'public.child'::regclass"))
                    .isEqualTo("t");
            for (String sequence : List.of("public.child_id_seq", "public.invoice_no")) {
                String state = "SELECT last_value || '/' || is_called FROM " + sequence;
                assertThat(single(target, state)).as(sequence).isEqualTo(single(source, state));
            }
            assertThat(single(target, "SELECT nextval('invoice_no')")).isEqualTo("1717");
        }
    }

    @Test
    void restoresAPartitionedTableWithItsPartitionsAndTheTableItsForeignKeyReferences() throws Exception {
        PgRestorePlan plan = plan(Set.of(), Set.of("public.measurement", "parent"));

        assertThat(plan.tables())
                .containsExactly(
                        "public.measurement", "public.measurement_2025", "public.measurement_2026", "public.parent");
        assertThat(plan.foreignKeysLeftOut()).isEmpty();
        try (PostgresTestDatabase target = new PostgresTestDatabase("bulwark_partial_target")) {
            restore(plan, target);
            SchemaInventory restored = inventory(target);

            assertMatchesPlan(restored, plan);
            assertThat(restored.constraints())
                    .contains("public.measurement_2025.measurement_parent_id_fkey", "public.measurement_2026.positive");
            assertThat(restored.triggers())
                    .containsExactly(
                            "public.measurement.measurement_touch",
                            "public.measurement_2025.measurement_touch",
                            "public.measurement_2026.measurement_touch");
            assertThat(restored.sequences()).containsExactly("public.parent_id_seq");
            String attached =
                    "SELECT count(*) FILTER (WHERE c.relkind = 'r') || '/' || count(*) FILTER (WHERE c.relkind = 'i')"
                            + " FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid";
            assertThat(single(target, attached))
                    .as("partitions/partition indexes attached")
                    .isEqualTo("2/4");
            assertThat(restored.materializedViews()).isEmpty();
        }
    }

    @Test
    void restoresAWholeSchema() throws Exception {
        PgRestorePlan plan = plan(Set.of("public"), Set.of());

        assertThat(plan.foreignKeysLeftOut()).isEmpty();
        try (PostgresTestDatabase target = new PostgresTestDatabase("bulwark_partial_target")) {
            restore(plan, target);
            SchemaInventory restored = inventory(target);

            assertMatchesPlan(restored, plan);
            assertThat(restored.views()).containsExactly("public.happy_child");
            assertThat(restored.materializedViews()).containsExactly("public.parent_count");
            assertThat(single(target, "SELECT n FROM parent_count")).isEqualTo("5000");
            assertThat(restored.tables()).extracting(TableInfo::schema).containsOnly("public");
        }
    }

    @Test
    void aHeadThatEndsInsideTheTableOfContentsIsRefused() {
        assertThatThrownBy(() -> selection.plan(Arrays.copyOf(archive, 2000), Set.of(), Set.of("child"), TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends before the archive's table of contents does");
    }

    @Test
    void aTableNotInTheArchiveIsNamed() {
        assertThatThrownBy(() -> plan(Set.of(), Set.of("public.ghost")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in the archive: table public.ghost")
                .hasMessageContaining("public.child");
    }
}
