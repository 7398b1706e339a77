package io.bulwark.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.engines.DumpOptions;
import io.bulwark.engines.mariadb.MariaDbDumpSession;
import io.bulwark.engines.mariadb.MariaDbDumpTool;
import io.bulwark.engines.process.ProcessRunner;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MariaDbDatabasesIT {

    private final MariaDbDatabases mariadb = MariaDbDatabases.local();

    @TempDir
    Path dir;

    @Test
    void loadsChinookAndTheDumpStreamCountsEqualCountStarForAllElevenTables() throws Exception {
        String db = mariadb.createUnique("ts_chinook");
        try {
            mariadb.loadChinook(db);
            Map<String, Long> counts = mariadb.chinookRowCounts(db);
            assertThat(counts)
                    .hasSize(11)
                    .containsEntry("Album", 347L)
                    .containsEntry("Artist", 275L)
                    .containsEntry("Track", 3503L)
                    .containsEntry("PlaylistTrack", 8715L)
                    .containsEntry("InvoiceLine", 2240L);
            assertThat(counts.values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(15_607L);

            SchemaInventory inventory;
            try (MariaDbDumpSession session = new MariaDbDumpTool(new ProcessRunner())
                    .open(mariadb.connectionSpec(db), DumpOptions.everything(Duration.ofMinutes(5)))) {
                try (InputStream out = session.stdout()) {
                    out.transferTo(OutputStream.nullOutputStream());
                }
                session.awaitSuccess();
                inventory = session.inventory();
            }
            Map<String, Long> streamCounts = new LinkedHashMap<>();
            for (TableInfo table : inventory.tables()) {
                streamCounts.put(table.name(), table.rows());
            }
            assertThat(streamCounts).containsExactlyInAnyOrderEntriesOf(counts);
            assertThat(inventory.tables()).allMatch(t -> t.schema().equals(db));
            assertThat(inventory.constraints()).contains(db + ".Track.FK_TrackAlbumId", db + ".Album.PRIMARY");
        } finally {
            mariadb.drop(db);
        }
        assertThat(mariadb.exists(db)).isFalse();
    }

    @Test
    void stopsAScriptAtTheFirstErrorAndReportsIt() throws Exception {
        String db = mariadb.createUnique("ts_script");
        try {
            Path script = Files.writeString(
                    dir.resolve("bad.sql"),
                    "CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\nSELECT * FROM missing_table;\n"
                            + "INSERT INTO t VALUES (2);\n");

            assertThatThrownBy(() -> mariadb.runScript(db, script))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("missing_table");
            assertThat(mariadb.countRows(db, "t"))
                    .as("the client stopped at the error")
                    .isEqualTo(1);
        } finally {
            mariadb.drop(db);
        }
    }

    @Test
    void createsAnAccountWithItsGrants() throws Exception {
        String db = mariadb.createUnique("ts_user");
        String user = "ts_" + MariaDbDatabases.randomHex(4);
        try {
            mariadb.execute(db, "CREATE TABLE t (id int); INSERT INTO t VALUES (1), (2)");
            mariadb.createUser(user, "pw'\"\\ x", "GRANT SELECT ON `" + db + "`.*");
            MariaDbDatabases asUser = new MariaDbDatabases("127.0.0.1", 3306, user, "pw'\"\\ x");
            assertThat(asUser.countRows(db, "t")).isEqualTo(2);
            assertThatThrownBy(() -> asUser.execute(db, "INSERT INTO t VALUES (3)"))
                    .hasMessageContaining("INSERT command denied");
            try (Connection c = asUser.connect(db)) {
                assertThat(c.isValid(5)).isTrue();
            }
        } finally {
            mariadb.dropUser(user);
            mariadb.drop(db);
        }
    }

    @Test
    void keepsTheShippedScriptsDatabaseStatementsOnlyWhenAsked() throws Exception {
        String full = Files.readString(MariaDbDatabases.writeChinookScript(dir.resolve("full.sql"), true));
        String stripped = Files.readString(MariaDbDatabases.writeChinookScript(dir.resolve("strip.sql"), false));

        assertThat(full).contains("CREATE DATABASE `Chinook`;").contains("USE `Chinook`;");
        assertThat(stripped)
                .doesNotContain("CREATE DATABASE")
                .doesNotContain("DROP DATABASE")
                .doesNotContain("USE `Chinook`")
                .contains("CREATE TABLE `Album`");
    }
}
