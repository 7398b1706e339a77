package io.bulwark.engines;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.contracts.SourceHealth.ForeignKeyOrphans;
import io.bulwark.contracts.SourceHealth.SequencePosition;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link InspectEngine} must do, run by each adapter against a real server on a fixture database made
 * once per class with the engine's own SQL. A subclass creates and drops the fixture and says how its engine names
 * things; this class holds the assertions.
 *
 * <p>The fixture has the tables of {@link #FIXTURE}:
 *
 * <ul>
 *   <li>{@code customer (id, name)}, ids from the engine's counter (serial, AUTO_INCREMENT), with the trigger
 *       {@value #TRIGGER} ({@code BEFORE UPDATE});
 *   <li>{@code orders (id, customer_id, qty)} with the index {@value #ORDERS_INDEX}, the check constraint {@value
 *       #ORDERS_CHECK} and the foreign key {@value #ORDERS_FK} to {@code customer}, which every row keeps;
 *   <li>{@code item (id, label)}, its id a counter column filled with explicit ids 1..7 (PostgreSQL then sets the
 *       sequence back with {@code setval('item_id_seq', 3)});
 *   <li>{@code empty_table (id, note)}, its id a counter column, no rows;
 *   <li>{@code orphan_child (id, customer_id)}: 8 rows, 3 of them with a customer that does not exist and 1 with
 *       none, under the foreign key {@value #ORPHAN_FK} (PostgreSQL {@code NOT VALID}, MySQL/MariaDB loaded with
 *       {@code FOREIGN_KEY_CHECKS=0});
 *   <li>the view {@value #VIEW} over {@code orders}, and on PostgreSQL two large objects.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class InspectEngineContract {

    /** The fixture's tables and their row counts. */
    public static final Map<String, Long> FIXTURE = fixture();

    public static final String ORDERS_INDEX = "orders_customer_idx";
    public static final String ORDERS_CHECK = "orders_qty_check";
    public static final String ORDERS_FK = "orders_customer_fk";
    public static final String ORPHAN_FK = "orphan_child_customer_fk";
    public static final String TRIGGER = "customer_touch";
    public static final String VIEW = "big_orders";

    /** The rows of {@code orphan_child} whose customer does not exist. */
    public static final long ORPHANS = 3;

    private static Map<String, Long> fixture() {
        Map<String, Long> tables = new LinkedHashMap<>();
        tables.put("customer", 25L);
        tables.put("orders", 40L);
        tables.put("item", 7L);
        tables.put("empty_table", 0L);
        tables.put("orphan_child", 8L);
        return Map.copyOf(tables);
    }

    private ConnectionSpec fixtureDatabase;

    /** The adapter under test, its every statement limited to {@code statementTimeout} ({@link Duration#ZERO}: none). */
    protected abstract InspectEngine inspector(Duration statementTimeout);

    /** Creates a uniquely named database holding the fixture described above; returns how to reach it. */
    protected abstract ConnectionSpec createFixture() throws Exception;

    /** Drops the database made by {@link #createFixture}. */
    protected abstract void dropFixture(ConnectionSpec database) throws Exception;

    /** The schema part of qualified names: {@code public} on PostgreSQL, the database itself on MySQL/MariaDB. */
    protected abstract String schemaOf(ConnectionSpec database);

    /** The name of {@code table}'s primary key index and constraint: {@code table_pkey}, MySQL/MariaDB {@code PRIMARY}. */
    protected abstract String primaryKeyName(String table);

    /** The unqualified name of the sequence filling {@code table.column}: {@code table_column_seq}, MariaDB {@code table}. */
    protected abstract String sequenceName(String table, String column);

    /**
     * The next value of {@code item}'s counter after ids 1..7 went in explicitly: PostgreSQL 4 (the sequence set back to
     * 3), MySQL/MariaDB 8 (an explicit id moves AUTO_INCREMENT past it).
     */
    protected abstract long itemNextValue();

    /** The large objects the inventory counts: 2 on PostgreSQL, null where the engine has none. */
    protected abstract Long expectedLargeObjects();

    /** The consistency checker, as {@link IndexFindings#notRunReason()} names it when it cannot run. */
    protected abstract String checkerName();

    /** How many objects the checker checks in the fixture, from its inventory (btree indexes, tables). */
    protected abstract int expectedChecked(SchemaInventory inventory);

    /** A statement that sleeps {@code seconds}. */
    protected abstract String sleepSql(int seconds);

    @BeforeAll
    void createTheFixture() throws Exception {
        fixtureDatabase = createFixture();
    }

    @AfterAll
    void dropTheFixture() throws Exception {
        if (fixtureDatabase != null) {
            dropFixture(fixtureDatabase);
        }
    }

    /** The inspector without a statement timeout. */
    protected InspectEngine inspector() {
        return inspector(Duration.ZERO);
    }

    // ---------------------------------------------------------------------------------------------- inventory

    @Test
    void theInventoryListsEveryTableWithItsExactCount() throws Exception {
        SchemaInventory inventory = inventory();

        Map<String, Long> counts = new LinkedHashMap<>();
        for (TableInfo table : inventory.tables()) {
            assertThat(table.schema()).isEqualTo(schemaOf(fixtureDatabase));
            assertThat(table.partitioned()).isFalse();
            counts.put(table.name(), table.rows());
        }
        assertThat(counts).isEqualTo(FIXTURE);
        assertThat(inventory.totalRows())
                .isEqualTo(FIXTURE.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void theInventoryNamesViewsIndexesConstraintsAndTriggersQualified() throws Exception {
        SchemaInventory inventory = inventory();

        assertThat(inventory.views()).containsExactly(q(VIEW));
        assertThat(inventory.triggers()).containsExactly(q("customer." + TRIGGER));
        assertThat(inventory.indexes()).contains(q("orders." + ORDERS_INDEX));
        assertThat(inventory.constraints())
                .contains(q("orders." + ORDERS_CHECK), q("orders." + ORDERS_FK), q("orphan_child." + ORPHAN_FK));
        for (String table : FIXTURE.keySet()) {
            String primaryKey = q(table + "." + primaryKeyName(table));
            assertThat(inventory.indexes()).contains(primaryKey);
            assertThat(inventory.constraints()).contains(primaryKey);
        }
        assertThat(inventory.indexes()).isSorted();
        assertThat(inventory.constraints()).isSorted();
    }

    @Test
    void theInventoryCountsLargeObjects() throws Exception {
        assertThat(inventory().largeObjects()).isEqualTo(expectedLargeObjects());
    }

    // --------------------------------------------------------------------------------------------- health

    @Test
    void foreignKeyOrphansCountsTheRowsThatBreakEachKey() throws Exception {
        List<ForeignKeyOrphans> orphans;
        try (Connection connection = connect()) {
            orphans = inspector().foreignKeyOrphans(connection, fixtureDatabase.database());
        }

        assertThat(orphans)
                .containsExactlyInAnyOrder(
                        new ForeignKeyOrphans(q("orders." + ORDERS_FK), 0),
                        new ForeignKeyOrphans(q("orphan_child." + ORPHAN_FK), ORPHANS));
    }

    @Test
    void sequencesGiveEachCountersNextValueAgainstItsColumnsMax() throws Exception {
        List<SequencePosition> sequences = sequences();

        assertThat(sequences)
                .extracting(SequencePosition::column)
                .containsExactlyInAnyOrder(q("customer.id"), q("item.id"), q("empty_table.id"));
        SequencePosition customer = position(sequences, "customer");
        assertThat(customer)
                .isEqualTo(new SequencePosition(q(sequenceName("customer", "id")), q("customer.id"), 26, 25L));
        assertThat(customer.behind()).isFalse();
        SequencePosition empty = position(sequences, "empty_table");
        assertThat(empty)
                .isEqualTo(new SequencePosition(q(sequenceName("empty_table", "id")), q("empty_table.id"), 1, null));
        assertThat(empty.behind()).isFalse();
    }

    @Test
    void aCounterFilledWithExplicitIdsIsBehindWhereTheEngineLetsItLag() throws Exception {
        SequencePosition item = position(sequences(), "item");

        assertThat(item)
                .isEqualTo(new SequencePosition(q(sequenceName("item", "id")), q("item.id"), itemNextValue(), 7L));
        assertThat(item.behind()).isEqualTo(itemNextValue() <= 7);
    }

    @Test
    void checkIndexesChecksEveryIndexOrTableOfAHealthyDatabaseWithoutFailures() throws Exception {
        IndexFindings findings;
        SchemaInventory inventory = inventory();
        try (Connection connection = connect()) {
            findings = inspector().checkIndexes(connection, fixtureDatabase.database());
        }

        assertThat(findings.method()).isNotBlank();
        if (findings.notRunReason() != null) {
            assertThat(findings.notRunReason()).contains(checkerName());
            assertThat(findings.checked()).isZero();
            return;
        }
        assertThat(findings.failures()).isEmpty();
        assertThat(findings.what()).isNotBlank();
        assertThat(findings.checked()).isPositive().isEqualTo(expectedChecked(inventory));
    }

    // ---------------------------------------------------------------------------------------- query, version

    @Test
    void queryAnswersTheFirstValueOrTheDatabasesError() throws Exception {
        try (Connection connection = connect()) {
            assertThat(inspector().query(connection, "SELECT 42")).isEqualTo(new InspectEngine.QueryAnswer("42", null));
            assertThat(inspector().query(connection, "SELECT NULL"))
                    .isEqualTo(new InspectEngine.QueryAnswer(null, null));
            assertThat(inspector().query(connection, "SELECT 1 FROM " + VIEW + " WHERE 1 = 0"))
                    .isEqualTo(new InspectEngine.QueryAnswer(null, null));

            InspectEngine.QueryAnswer bad = inspector().query(connection, "SELEC nonsense FROM nowhere");
            assertThat(bad.value()).isNull();
            assertThat(bad.error()).isNotBlank();

            assertThat(inspector().query(connection, "SELECT 43").value())
                    .as("the connection after an error")
                    .isEqualTo("43");
        }
    }

    @Test
    void serverVersionStartsWithTheServersMajorVersion() throws Exception {
        try (Connection connection = connect()) {
            int major = connection.getMetaData().getDatabaseMajorVersion();
            int minor = connection.getMetaData().getDatabaseMinorVersion();

            String version = inspector().serverVersion(connection);

            assertThat(version).startsWith(major + "." + minor).doesNotContain(" ");
        }
    }

    @Test
    void theStatementTimeoutCancelsAQueryThatRunsLonger() throws Exception {
        InspectEngine limited = inspector(Duration.ofSeconds(1));
        try (Connection connection = limited.connect(fixtureDatabase)) {
            InspectEngine.QueryAnswer answer = limited.query(connection, sleepSql(5));

            assertThat(answer.value()).isNull();
            assertThat(answer.error()).as("the cancelled statement's error").isNotBlank();
            assertThat(limited.query(connection, "SELECT 42").value())
                    .as("the connection after the cancel")
                    .isEqualTo("42");
        }
    }

    @Test
    void withoutAStatementTimeoutAQueryRunsToItsEnd() throws Exception {
        try (Connection connection = connect()) {
            assertThat(inspector().query(connection, sleepSql(2)).error()).isNull();
        }
    }

    // --------------------------------------------------------------------------------------------- helpers

    /** {@code schemaOf(fixture) + "." + name}. */
    protected String q(String name) {
        return schemaOf(fixtureDatabase) + "." + name;
    }

    /** The fixture database. */
    protected ConnectionSpec fixtureDatabase() {
        return fixtureDatabase;
    }

    /** A connection to the fixture through the adapter. */
    protected Connection connect() throws Exception {
        return inspector().connect(fixtureDatabase);
    }

    private SchemaInventory inventory() throws Exception {
        try (Connection connection = connect()) {
            return inspector().inventory(connection, fixtureDatabase.database());
        }
    }

    private List<SequencePosition> sequences() throws Exception {
        try (Connection connection = connect()) {
            return inspector().sequences(connection, fixtureDatabase.database());
        }
    }

    private SequencePosition position(List<SequencePosition> sequences, String table) {
        return sequences.stream()
                .filter(s -> s.column().equals(q(table + ".id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sequence fills " + q(table + ".id") + ": " + sequences));
    }
}
