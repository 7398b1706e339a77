package io.bulwark.engines.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.IndexFindings;
import io.bulwark.engines.InspectEngine;
import io.bulwark.engines.InspectEngineContract;
import java.sql.Connection;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link MariaDbInspector} held to the {@link InspectEngineContract} on the machine's MariaDB. InnoDB moves
 * AUTO_INCREMENT past every id that goes in (INSERT, UPDATE, ON DUPLICATE KEY UPDATE, a trigger's NEW.id; checked on
 * 10.11), so {@code item}'s counter does not lag here: its next value is 8.
 */
class MariaDbInspectorContractIT extends InspectEngineContract {

    @Override
    protected InspectEngine inspector(Duration statementTimeout) {
        return new MariaDbInspector(statementTimeout);
    }

    @Override
    protected ConnectionSpec createFixture() throws Exception {
        ConnectionSpec database = MariaDbTestServer.admin(MariaDbTestServer.createDatabase("bulwark_ic"));
        try {
            MariaDbTestServer.execute(database, """
                CREATE TABLE customer (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL) ENGINE=InnoDB;
                CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL, qty INT NOT NULL,
                    KEY orders_customer_idx (customer_id),
                    CONSTRAINT orders_qty_check CHECK (qty > 0),
                    CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id)) ENGINE=InnoDB;
                CREATE TABLE item (id INT AUTO_INCREMENT PRIMARY KEY, label VARCHAR(100)) ENGINE=InnoDB;
                CREATE TABLE empty_table (id INT AUTO_INCREMENT PRIMARY KEY, note TEXT) ENGINE=InnoDB;
                CREATE TABLE orphan_child (id INT PRIMARY KEY, customer_id INT NULL,
                    CONSTRAINT orphan_child_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id))
                    ENGINE=InnoDB;
                CREATE VIEW big_orders AS SELECT * FROM orders WHERE qty > 5;
                CREATE TRIGGER customer_touch BEFORE UPDATE ON customer FOR EACH ROW SET NEW.name = NEW.name;
                INSERT INTO customer (name) VALUES {customers};
                INSERT INTO orders SELECT seq, 1 + seq % 25, 1 + seq % 10 FROM seq_1_to_40;
                INSERT INTO item (id, label) SELECT seq, CONCAT('item ', seq) FROM seq_1_to_7;
                SET FOREIGN_KEY_CHECKS = 0;
                INSERT INTO orphan_child VALUES (1, 1), (2, 2), (3, 3), (4, 4), (5, 901), (6, 902), (7, 903), (8, NULL);
                SET FOREIGN_KEY_CHECKS = 1;
                """.replace("{customers}", customers()));
        } catch (Exception e) {
            MariaDbTestServer.dropDatabase(database.database());
            throw e;
        }
        return database;
    }

    /**
     * 25 customers in one multi-row INSERT: InnoDB then reserves exactly 25 ids, where an {@code INSERT ... SELECT}
     * reserves them in growing batches (1, 2, 4, 8, 16) and leaves AUTO_INCREMENT at 32.
     */
    private static String customers() {
        return IntStream.rangeClosed(1, 25)
                .mapToObj(i -> "('customer " + i + "')")
                .collect(Collectors.joining(", "));
    }

    @Override
    protected void dropFixture(ConnectionSpec database) throws Exception {
        MariaDbTestServer.dropDatabase(database.database());
    }

    @Override
    protected String schemaOf(ConnectionSpec database) {
        return database.database();
    }

    @Override
    protected String primaryKeyName(String table) {
        return "PRIMARY";
    }

    @Override
    protected String sequenceName(String table, String column) {
        return table;
    }

    @Override
    protected long itemNextValue() {
        return 8;
    }

    @Override
    protected Long expectedLargeObjects() {
        return null;
    }

    @Override
    protected String checkerName() {
        return "CHECK TABLE";
    }

    /** CHECK TABLE runs on every base table. */
    @Override
    protected int expectedChecked(SchemaInventory inventory) {
        return inventory.tables().size();
    }

    @Override
    protected String sleepSql(int seconds) {
        return "SELECT SLEEP(" + seconds + ")";
    }

    @Test
    void eventsAreNamedByDatabase() throws Exception {
        MariaDbTestServer.execute(
                fixtureDatabase(), "CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM empty_table");
        try (Connection connection = connect()) {
            SchemaInventory inventory =
                    inspector().inventory(connection, fixtureDatabase().database());
            assertThat(inventory.events()).containsExactly(q("nightly"));
        } finally {
            MariaDbTestServer.execute(fixtureDatabase(), "DROP EVENT IF EXISTS nightly");
        }
    }

    /** A system-versioned table is a table (the inventory lists it), so CHECK TABLE checks it too. */
    @Test
    void checkIndexesChecksSystemVersionedTablesToo() throws Exception {
        String name = MariaDbTestServer.createDatabase("bulwark_ic_sv");
        try {
            ConnectionSpec database = MariaDbTestServer.admin(name);
            MariaDbTestServer.execute(database, """
                    CREATE TABLE plain (id INT PRIMARY KEY) ENGINE=InnoDB;
                    CREATE TABLE history (id INT PRIMARY KEY, v INT) ENGINE=InnoDB WITH SYSTEM VERSIONING;
                    INSERT INTO history VALUES (1, 1);
                    UPDATE history SET v = 2;
                    """);
            try (Connection connection = inspector().connect(database)) {
                SchemaInventory inventory = inspector().inventory(connection, name);
                assertThat(inventory.tables())
                        .extracting(TableInfo::name)
                        .containsExactlyInAnyOrder("plain", "history");

                IndexFindings findings = inspector().checkIndexes(connection, name);

                assertThat(findings.notRunReason()).isNull();
                assertThat(findings.failures()).isEmpty();
                assertThat(findings.checked()).isEqualTo(inventory.tables().size());
            }
        } finally {
            MariaDbTestServer.dropDatabase(name);
        }
    }
}
