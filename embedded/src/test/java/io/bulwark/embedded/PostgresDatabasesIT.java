package io.bulwark.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresDatabasesIT {

    private final PostgresDatabases pg = PostgresDatabases.local();

    @TempDir
    Path dir;

    @Test
    void loadsChinookIntoAGivenDatabaseWithItsElevenTables() {
        String db = pg.createUnique("ts_chinook");
        try {
            pg.loadChinook(db);

            Map<String, Long> counts = pg.chinookRowCounts(db);
            assertThat(counts).hasSize(11);
            assertThat(counts)
                    .containsEntry("album", 347L)
                    .containsEntry("artist", 275L)
                    .containsEntry("track", 3503L)
                    .containsEntry("playlist_track", 8715L)
                    .containsEntry("invoice_line", 2240L);
            assertThat(pg.exists(db)).isTrue();
        } finally {
            pg.drop(db);
        }
        assertThat(pg.exists(db)).isFalse();
    }

    @Test
    void dropsADatabaseThatStillHasOpenConnections() throws Exception {
        String db = pg.createUnique("ts_drop");
        try (Connection open = pg.connect(db)) {
            pg.drop(db);
            assertThat(pg.exists(db)).isFalse();
        }
    }

    @Test
    void stopsAScriptAtTheFirstErrorAndReportsIt() throws Exception {
        String db = pg.createUnique("ts_script");
        try {
            Path script = Files.writeString(
                    dir.resolve("bad.sql"),
                    "CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\nSELECT * FROM missing_table;\n");

            assertThatThrownBy(() -> pg.runScript(db, script))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("missing_table");
            assertThat(pg.countRows(db, "pg_catalog.pg_tables WHERE tablename = 't'"))
                    .as("one transaction: nothing of the failed script stays")
                    .isZero();
        } finally {
            pg.drop(db);
        }
    }

    @Test
    void keepsTheShippedScriptsDatabaseStatementsOnlyWhenAsked() throws Exception {
        String full = Files.readString(PostgresDatabases.writeChinookScript(dir.resolve("full.sql"), true));
        String stripped = Files.readString(PostgresDatabases.writeChinookScript(dir.resolve("strip.sql"), false));

        assertThat(full).contains("CREATE DATABASE chinook;").contains("\\c chinook;");
        assertThat(stripped)
                .doesNotContain("CREATE DATABASE")
                .doesNotContain("DROP DATABASE")
                .doesNotContain("\\c chinook")
                .contains("CREATE TABLE album");
    }

    @Test
    void rejectsDatabaseNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> pg.create("x; DROP DATABASE postgres"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database name");
    }
}
