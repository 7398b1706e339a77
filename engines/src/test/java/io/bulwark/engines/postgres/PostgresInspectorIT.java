package io.bulwark.engines.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresInspectorIT {

    private static PostgresTestDatabase db;
    private final PostgresInspector inspector = new PostgresInspector();

    @BeforeAll
    static void createDatabase() throws Exception {
        db = new PostgresTestDatabase("bulwark_inspector_it");
        db.execute(PostgresTestDatabase.SAMPLE_SCHEMA);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    @Test
    void listsTablesWithExactRowCountsIncludingPartitions() throws Exception {
        try (Connection c = db.spec.connect()) {
            SchemaInventory inventory = inspector.inventory(c);
            assertThat(inventory.tables())
                    .containsExactly(
                            new TableInfo("Sales", "Order Items", 40),
                            new TableInfo("public", "customer", 25),
                            new TableInfo("public", "measurement", 300, true),
                            new TableInfo("public", "measurement_2025", 213),
                            new TableInfo("public", "measurement_2026", 87));
        }
    }

    @Test
    void namesEveryOtherObjectKind() throws Exception {
        try (Connection c = db.spec.connect()) {
            SchemaInventory inventory = inspector.inventory(c);
            assertThat(inventory.views()).containsExactly("public.happy_customer");
            assertThat(inventory.materializedViews()).containsExactly("public.customer_count");
            assertThat(inventory.sequences()).containsExactly("public.customer_id_seq", "public.invoice_no");
            assertThat(inventory.functions()).containsExactly("public.touch()");
            assertThat(inventory.indexes())
                    .contains(
                            "public.customer.customer_name_idx",
                            "public.customer.customer_pkey",
                            "Sales.Order Items.Order Items_pkey");
            assertThat(inventory.constraints())
                    .contains("public.customer.customer_pkey", "Sales.Order Items.Order Items_customer_id_fkey");
            assertThat(inventory.triggers()).containsExactly("public.customer.customer_touch");
            assertThat(inventory.policies()).containsExactly("public.customer.customer_all");
            assertThat(inventory.extensions()).contains("plpgsql");
        }
    }

    @Test
    void leavesOutObjectsOwnedByExtensions() throws Exception {
        PostgresTestDatabase ext = new PostgresTestDatabase("bulwark_inspector_ext");
        try (ext) {
            ext.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; CREATE TABLE mine (id int)");
            try (Connection c = ext.spec.connect()) {
                SchemaInventory inventory = inspector.inventory(c);
                assertThat(inventory.extensions()).contains("pg_stat_statements");
                assertThat(inventory.views()).noneMatch(v -> v.contains("pg_stat_statements"));
                assertThat(inventory.functions()).noneMatch(f -> f.contains("pg_stat_statements"));
                assertThat(inventory.tables()).extracting(TableInfo::name).containsExactly("mine");
            }
        }
    }

    @Test
    void anInheritanceParentCountsAsCountStarDoesWithItsOwnRowsBesideAndTheTotalCountsEachRowOnce() throws Exception {
        PostgresTestDatabase inherit = new PostgresTestDatabase("bulwark_inspector_inherit");
        try (inherit) {
            inherit.execute("""
                    CREATE TABLE ledger (id int, booked date);
                    CREATE TABLE ledger_2025 () INHERITS (ledger);
                    CREATE TABLE ledger_2025_q1 () INHERITS (ledger_2025);
                    CREATE TABLE ledger_2026 () INHERITS (ledger);
                    INSERT INTO ledger SELECT g, DATE '2024-01-01' FROM generate_series(1, 2) g;
                    INSERT INTO ledger_2025 SELECT g, DATE '2025-06-01' FROM generate_series(1, 3) g;
                    INSERT INTO ledger_2025_q1 SELECT g, DATE '2025-02-01' FROM generate_series(1, 4) g;
                    INSERT INTO ledger_2026 SELECT g, DATE '2026-06-01' FROM generate_series(1, 5) g;
                    """);
            try (Connection c = inherit.spec.connect()) {
                SchemaInventory inventory = inspector.inventory(c);

                assertThat(inventory.tables())
                        .containsExactly(
                                new TableInfo("public", "ledger", 14, false, 2L),
                                new TableInfo("public", "ledger_2025", 7, false, 3L),
                                new TableInfo("public", "ledger_2025_q1", 4),
                                new TableInfo("public", "ledger_2026", 5));
                assertThat(inspector.countRows(c, "public", "ledger"))
                        .as("the same count as SELECT count(*), so that older manifests still compare")
                        .isEqualTo(14);
                assertThat(inventory.totalRows()).isEqualTo(2 + 3 + 4 + 5);
            }
        }
    }

    @Test
    void reportsTheServerVersion() throws Exception {
        try (Connection c = db.spec.connect()) {
            assertThat(inspector.serverVersion(c)).matches("\\d+\\.\\d+");
            assertThat(inspector.serverVersionNum(c)).isGreaterThanOrEqualTo(100000);
        }
    }
}
