package io.bulwark.localstack.bench;

import io.bulwark.embedded.PostgresDatabases;
import io.bulwark.engines.postgres.PostgresConnectionSpec;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ToolMissingException;
import io.bulwark.localstack.PostgresLocation;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * The pgbench databases the capture benchmark dumps: {@code bulwark_bench_s<scale>} on a given PostgreSQL server,
 * filled by {@code pgbench -i -s <scale> -q}, then vacuumed, frozen and checkpointed ({@link FreshDatabase}) so that
 * the first timed series does not pay for the fill, and kept for the next run. A database is reused when it holds {@code
 * scale} rows in {@code pgbench_branches} and {@code pgbench_accounts} has its primary key (the last step of {@code
 * pgbench -i}); otherwise it is dropped and made again. Only {@link #drop} removes one for good.
 */
final class PgbenchDatabase {

    /** Rows of {@code pgbench_accounts} per scale unit (pgbench documentation, "Initialization Options"). */
    static final long ACCOUNTS_PER_SCALE = 100_000;

    private final PostgresLocation server;
    private final PostgresDatabases databases;
    private final ProcessRunner runner;
    private final String pgbench;

    /**
     * @param server the server (its database is only used to log in)
     * @param runner runs {@code pgbench}
     * @param pgbench the {@code pgbench} program to run
     */
    PgbenchDatabase(PostgresLocation server, ProcessRunner runner, String pgbench) {
        this.server = server;
        this.databases = new PostgresDatabases(server.host(), server.port(), server.username(), server.password());
        this.runner = runner;
        this.pgbench = pgbench;
    }

    /** {@code bulwark_bench_s<scale>}. */
    static String name(int scale) {
        return "bulwark_bench_s" + scale;
    }

    /**
     * The {@code pgbench} next to a {@code pg_dump} binary when there is one, else {@code pgbench} from the PATH.
     *
     * @param pgDump the {@code pg_dump} the benchmark uses, e.g. {@code /usr/lib/postgresql/17/bin/pg_dump}
     */
    static String pgbenchNextTo(String pgDump) {
        Path sibling = Path.of(pgDump).resolveSibling("pgbench");
        return pgDump.contains("/") && Files.isExecutable(sibling) ? sibling.toString() : "pgbench";
    }

    /**
     * How long {@code pgbench -i} may take: 10 minutes plus 30 seconds per scale unit.
     *
     * @param scale the pgbench scale
     */
    static Duration initTimeout(int scale) {
        return Duration.ofMinutes(10).plusSeconds(30L * scale);
    }

    /** The {@code pgbench -i -s <scale> -q <database>} command, with the server's libpq environment. */
    ProcessRunner.Command initCommand(int scale) {
        String db = name(scale);
        return spec(db).toolCommand(
                        List.of(pgbench, "-i", "-s", Integer.toString(scale), "-q", db), initTimeout(scale));
    }

    /** How to reach the database of {@code scale}. */
    PostgresConnectionSpec spec(int scale) {
        return spec(name(scale));
    }

    private PostgresConnectionSpec spec(String db) {
        return new PostgresConnectionSpec(server.host(), server.port(), db, server.username(), server.password());
    }

    /**
     * Makes sure the database of {@code scale} exists and is filled, reusing it when it is.
     *
     * @param scale the pgbench scale, at least 1
     * @param progress where to say what is done
     * @return the database name
     * @throws IllegalStateException when the database cannot be made or {@code pgbench} fails, with its error output
     */
    String ensure(int scale, PrintStream progress) {
        String db = name(scale);
        if (databases.exists(db)) {
            if (hasScale(scale)) {
                progress.println("bench: reusing database " + db + " (pgbench scale " + scale + ")");
                return db;
            }
            progress.println("bench: database " + db + " is not a complete pgbench database of scale " + scale
                    + "; making it again");
            databases.drop(db);
        }
        databases.create(db);
        progress.println("bench: pgbench -i -s " + scale + " into database " + db + " on " + server.displayUrl() + " ("
                + scale * ACCOUNTS_PER_SCALE + " accounts) ...");
        long started = System.nanoTime();
        ProcessRunner.Result result;
        try {
            result = runner.run(initCommand(scale));
        } catch (ToolMissingException e) {
            databases.drop(db);
            throw new IllegalStateException("cannot run " + pgbench + " (install postgresql-contrib or the server)", e);
        }
        if (!result.succeeded()) {
            databases.drop(db);
            throw new IllegalStateException("pgbench -i -s " + scale + " "
                    + (result.timedOut()
                            ? "did not finish within " + initTimeout(scale)
                            : "exited " + result.exitCode())
                    + ": " + result.stderr());
        }
        progress.println("bench: database " + db + " filled in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        FreshDatabase.settle(databases, db, progress);
        return db;
    }

    /**
     * Tells whether the database of {@code scale} is a complete pgbench database of that scale.
     *
     * @return true when {@code pgbench_branches} holds {@code scale} rows and {@code pgbench_accounts_pkey} exists
     */
    boolean hasScale(int scale) {
        try (Connection c = spec(scale).connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM pgbench_branches),"
                        + " to_regclass('public.pgbench_accounts_pkey') IS NOT NULL")) {
            return rs.next() && rs.getLong(1) == scale && rs.getBoolean(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Drops the database of {@code scale} if it exists. */
    void drop(int scale) {
        databases.drop(name(scale));
    }

    /**
     * The server's {@code server_version_num}, e.g. {@code 150020}.
     *
     * @param server the server, logging in to its database
     * @throws IllegalStateException when the server cannot be reached, naming it
     */
    static int serverVersionNum(PostgresLocation server) {
        PostgresConnectionSpec spec = new PostgresConnectionSpec(
                server.host(), server.port(), server.database(), server.username(), server.password());
        try (Connection c = spec.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot connect to PostgreSQL at " + server.displayUrl() + " (set " + PostgresLocation.STATE_URL_ENV
                            + "): " + e.getMessage(),
                    e);
        }
    }
}
