package io.bulwark.engines.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A uniquely named database on the machine's PostgreSQL (127.0.0.1:5432, user postgres), dropped on close. */
final class PostgresTestDatabase implements AutoCloseable {

    static final PostgresConnectionSpec ADMIN =
            new PostgresConnectionSpec("127.0.0.1", 5432, "postgres", "postgres", null);

    final PostgresConnectionSpec spec;

    PostgresTestDatabase(String prefix) throws SQLException {
        String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = ADMIN.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        spec = ADMIN.withDatabase(name);
    }

    void execute(String sql) throws SQLException {
        try (Connection c = spec.connect();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = ADMIN.connect();
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + spec.database() + " WITH (FORCE)");
        }
    }

    static final String SAMPLE_SCHEMA = """
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            CREATE SCHEMA "Sales";
            CREATE TABLE customer (id serial PRIMARY KEY, name text NOT NULL, feeling mood);
            CREATE TABLE "Sales"."Order Items" (id bigint PRIMARY KEY, customer_id int REFERENCES customer(id));
            CREATE TABLE measurement (id int, taken date NOT NULL) PARTITION BY RANGE (taken);
            CREATE TABLE measurement_2025 PARTITION OF measurement FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
            CREATE TABLE measurement_2026 PARTITION OF measurement FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            CREATE INDEX customer_name_idx ON customer (name);
            CREATE SEQUENCE invoice_no;
            CREATE VIEW happy_customer AS SELECT * FROM customer WHERE feeling = 'happy';
            CREATE MATERIALIZED VIEW customer_count AS SELECT count(*) AS n FROM customer;
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER customer_touch BEFORE UPDATE ON customer FOR EACH ROW EXECUTE FUNCTION touch();
            ALTER TABLE customer ENABLE ROW LEVEL SECURITY;
            CREATE POLICY customer_all ON customer USING (true);
            INSERT INTO customer (name, feeling) SELECT 'c' || g, 'happy' FROM generate_series(1, 25) g;
            INSERT INTO "Sales"."Order Items" SELECT g, 1 + g % 25 FROM generate_series(1, 40) g;
            INSERT INTO measurement SELECT g, DATE '2025-06-01' + g FROM generate_series(1, 300) g;
            """;
}
