package io.bulwark.engines.postgres;

import io.bulwark.contracts.SchemaInventory;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.InspectEngine;
import io.bulwark.engines.InspectEngineContract;
import java.time.Duration;

/** {@link PostgresInspector} held to the {@link InspectEngineContract} on the machine's PostgreSQL (5432). */
class PostgresInspectorContractIT extends InspectEngineContract {

    private PostgresTestDatabase fixture;

    @Override
    protected InspectEngine inspector(Duration statementTimeout) {
        return new PostgresInspector(statementTimeout);
    }

    @Override
    protected ConnectionSpec createFixture() throws Exception {
        fixture = new PostgresTestDatabase("bulwark_ic");
        try {
            fixture.execute("""
                CREATE TABLE customer (id serial PRIMARY KEY, name text NOT NULL);
                CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL, qty integer NOT NULL,
                    CONSTRAINT orders_qty_check CHECK (qty > 0),
                    CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id));
                CREATE INDEX orders_customer_idx ON orders (customer_id);
                CREATE TABLE item (id serial PRIMARY KEY, label text);
                CREATE TABLE empty_table (id serial PRIMARY KEY, note text);
                CREATE TABLE orphan_child (id integer PRIMARY KEY, customer_id integer);
                CREATE VIEW big_orders AS SELECT * FROM orders WHERE qty > 5;
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                CREATE TRIGGER customer_touch BEFORE UPDATE ON customer FOR EACH ROW EXECUTE FUNCTION touch();
                INSERT INTO customer (name) SELECT 'customer ' || g FROM generate_series(1, 25) g;
                INSERT INTO orders SELECT g, 1 + g % 25, 1 + g % 10 FROM generate_series(1, 40) g;
                INSERT INTO item (id, label) SELECT g, 'item ' || g FROM generate_series(1, 7) g;
                SELECT setval('item_id_seq', 3);
                INSERT INTO orphan_child VALUES (1, 1), (2, 2), (3, 3), (4, 4), (5, 901), (6, 902), (7, 903), (8, NULL);
                ALTER TABLE orphan_child ADD CONSTRAINT orphan_child_customer_fk
                    FOREIGN KEY (customer_id) REFERENCES customer (id) NOT VALID;
                SELECT lo_from_bytea(0, 'the first large object'::bytea), lo_from_bytea(0, 'the second'::bytea);
                """);
        } catch (Exception e) {
            fixture.close();
            throw e;
        }
        return fixture.spec.toConnectionSpec();
    }

    @Override
    protected void dropFixture(ConnectionSpec database) throws Exception {
        fixture.close();
    }

    @Override
    protected String schemaOf(ConnectionSpec database) {
        return "public";
    }

    @Override
    protected String primaryKeyName(String table) {
        return table + "_pkey";
    }

    @Override
    protected String sequenceName(String table, String column) {
        return table + "_" + column + "_seq";
    }

    @Override
    protected long itemNextValue() {
        return 4;
    }

    @Override
    protected Long expectedLargeObjects() {
        return 2L;
    }

    @Override
    protected String checkerName() {
        return "amcheck";
    }

    /** Every index of the fixture is a btree index. */
    @Override
    protected int expectedChecked(SchemaInventory inventory) {
        return inventory.indexes().size();
    }

    @Override
    protected String sleepSql(int seconds) {
        return "SELECT pg_sleep(" + seconds + ")";
    }
}
