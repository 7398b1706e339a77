package io.bulwark.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.embedded.PostgresDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@link FreshDatabase} on the machine's PostgreSQL (127.0.0.1:5432 as {@code postgres}). */
class FreshDatabaseIT {

    @Test
    void leavesEveryPageOfAFreshTableAllVisibleAndFrozenAndCheckpointsAfterTheFill() throws Exception {
        PostgresDatabases databases = PostgresDatabases.local();
        String db = databases.createUnique("bulwark_fresh_it");
        try {
            databases.execute(
                    db,
                    "CREATE EXTENSION pg_visibility; CREATE TABLE rows_t (id int, note text);"
                            + " INSERT INTO rows_t SELECT g, md5(g::text) FROM generate_series(1, 20000) g");
            assertThat(query(databases, db, "SELECT all_frozen FROM pg_visibility_map_summary('rows_t')"))
                    .as("fresh rows are not frozen")
                    .isZero();
            long filledAt = query(databases, db, "SELECT pg_current_wal_lsn() - '0/0'");
            ByteArrayOutputStream progress = new ByteArrayOutputStream();

            FreshDatabase.settle(databases, db, new PrintStream(progress, true, StandardCharsets.UTF_8));

            long pages = query(databases, db, "SELECT pg_relation_size('rows_t') / current_setting('block_size')::int");
            assertThat(pages).isPositive();
            assertThat(query(databases, db, "SELECT all_visible FROM pg_visibility_map_summary('rows_t')"))
                    .isEqualTo(pages);
            assertThat(query(databases, db, "SELECT all_frozen FROM pg_visibility_map_summary('rows_t')"))
                    .isEqualTo(pages);
            assertThat(query(databases, db, "SELECT reltuples::bigint FROM pg_class WHERE relname = 'rows_t'"))
                    .as("ANALYZE took statistics")
                    .isEqualTo(20_000);
            assertThat(query(databases, db, "SELECT redo_lsn - '0/0' FROM pg_control_checkpoint()"))
                    .as("a checkpoint began after the fill")
                    .isGreaterThanOrEqualTo(filledAt);
            assertThat(progress.toString(StandardCharsets.UTF_8))
                    .contains("database " + db + " vacuumed, frozen and checkpointed in ");
        } finally {
            databases.drop(db);
        }
    }

    private static long query(PostgresDatabases databases, String db, String sql) throws Exception {
        try (Connection c = databases.connect(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
