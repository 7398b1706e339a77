package io.bulwark.localstack.bench;

import io.bulwark.embedded.PostgresDatabases;
import io.bulwark.engines.postgres.PostgresConnectionSpec;
import io.bulwark.localstack.PostgresLocation;
import java.io.PrintStream;

/**
 * The realistic-entropy database of the capture benchmark: one table {@code bench_orders} of text, JSON and numeric
 * columns whose {@code pg_dump -Fc -Z0} output compresses about 3:1 with {@code zstd -3} (a pgbench database compresses
 * about 100:1, which hides what compression costs). Made with SQL alone in a database of a unique name ({@code
 * bulwark_bench_realistic_<random hex>}), vacuumed, frozen and checkpointed after the fill ({@link FreshDatabase}), and
 * dropped by {@link #drop()}: it is never kept between runs.
 *
 * <p>The rows: {@code id}, a timestamp, a customer of two words, a status out of five, an amount ({@code numeric(12,2)},
 * random), a quantity, a note of ten words and a {@code jsonb} of a SKU and reference ({@code md5}-based), a city, a
 * score and two tags. The words come from a vocabulary of 1000 {@code md5}-based words of 3 to 9 letters, picked at
 * random. To fill quickly, {@link #BLOCKS} blocks are inserted: the first is generated, each other one is a copy of it
 * with other ids and timestamps, inserted one after the other, so that copies lie about {@code rows / BLOCKS} rows
 * (megabytes) apart in the dump, far beyond zstd level 3's 2 MiB window, and compress like fresh rows.
 */
final class RealisticDatabase {

    /** Rows per pgbench scale unit: as many dump bytes as pgbench's (about 97 bytes per account, 265 per row here). */
    static final long ROWS_PER_SCALE = 37_000;

    /** Blocks the table is filled in: one generated, the others copies of it. */
    static final int BLOCKS = 8;

    /** The prefix of the database's name. */
    static final String PREFIX = "bulwark_bench_realistic";

    private final PostgresDatabases databases;
    private final PostgresLocation server;
    private final String name;
    private final long rows;

    private RealisticDatabase(PostgresDatabases databases, PostgresLocation server, String name, long rows) {
        this.databases = databases;
        this.server = server;
        this.name = name;
        this.rows = rows;
    }

    /**
     * Creates and fills the database of {@code scale}: {@code scale * }{@value #ROWS_PER_SCALE} rows (rounded up to a
     * multiple of {@value #BLOCKS}), about as many dump bytes as the pgbench database of that scale.
     *
     * @param server the server (its database is only used to log in)
     * @param scale the pgbench scale to match, at least 1
     * @param progress where to say what is done
     * @return the filled database; the caller drops it
     * @throws IllegalStateException when it cannot be created or filled (it is dropped again then)
     */
    static RealisticDatabase create(PostgresLocation server, int scale, PrintStream progress) {
        PostgresDatabases databases =
                new PostgresDatabases(server.host(), server.port(), server.username(), server.password());
        long block = Math.ceilDiv(scale * ROWS_PER_SCALE, BLOCKS);
        String name = databases.createUnique(PREFIX);
        RealisticDatabase db = new RealisticDatabase(databases, server, name, block * BLOCKS);
        progress.println("bench: filling database " + name + " with " + db.rows
                + " rows of text, JSON and numbers (realistic entropy) ...");
        long started = System.nanoTime();
        try {
            databases.execute(name, createSql());
            databases.execute(name, firstBlockSql(block));
            for (int b = 1; b < BLOCKS; b++) {
                databases.execute(name, copySql(block, b));
            }
            databases.execute(name, "ALTER TABLE bench_orders ADD PRIMARY KEY (id)");
            progress.println(
                    "bench: database " + name + " filled in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            FreshDatabase.settle(databases, name, progress);
        } catch (RuntimeException e) {
            db.drop();
            throw e;
        }
        return db;
    }

    /** The table. */
    static String createSql() {
        return "CREATE TABLE bench_orders (id bigint NOT NULL, created_at timestamptz NOT NULL, customer text NOT NULL,"
                + " status text NOT NULL, amount numeric(12,2) NOT NULL, quantity integer NOT NULL, note text NOT NULL,"
                + " attrs jsonb NOT NULL)";
    }

    /** The generated first block: ids 1..{@code block}. */
    static String firstBlockSql(long block) {
        String word = "w[1 + (random() * 999)::int]";
        return "INSERT INTO bench_orders SELECT g,"
                + " timestamptz '2026-01-01 00:00:00+00' + g * interval '7 seconds',"
                + " w[1 + (g * 7919) % 1000] || ' ' || w[1 + (g * 104729) % 997],"
                + " (ARRAY['new','paid','shipped','delivered','returned'])[1 + g % 5],"
                + " round((random() * 10000)::numeric, 2),"
                + " 1 + (random() * 20)::int,"
                + " concat_ws(' ', " + String.join(", ", java.util.Collections.nCopies(10, word)) + "),"
                + " jsonb_build_object('sku', substr(md5(g::text), 1, 10), 'city', " + word + ","
                + " 'score', round(random()::numeric, 4), 'tags', jsonb_build_array(" + word + ", " + word + "),"
                + " 'ref', md5((g * 31)::text))"
                + " FROM (SELECT array_agg(substr(md5(i::text), 1, 3 + i % 7)) AS w FROM generate_series(1, 1000) i) v,"
                + " generate_series(1::bigint, " + block + ") g";
    }

    /** Block {@code b} (from 1): a copy of the first with ids shifted by {@code b * block}. */
    static String copySql(long block, int b) {
        return "INSERT INTO bench_orders SELECT id + " + b * block + ", created_at + interval '" + 9 * b + " days',"
                + " customer, status, amount, quantity, note, attrs FROM bench_orders WHERE id <= " + block;
    }

    /** The database's name. */
    String name() {
        return name;
    }

    /** The rows of {@code bench_orders}. */
    long rows() {
        return rows;
    }

    /** How to reach the database. */
    PostgresConnectionSpec spec() {
        return new PostgresConnectionSpec(server.host(), server.port(), name, server.username(), server.password());
    }

    /** Where the database is, as a bench target's source. */
    PostgresLocation location() {
        return server.withDatabase(name);
    }

    /**
     * Drops the database.
     *
     * @throws IllegalStateException when it cannot be dropped
     */
    void drop() {
        databases.drop(name);
    }
}
