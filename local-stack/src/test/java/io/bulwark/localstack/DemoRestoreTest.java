package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DemoRestoreTest {

    @Test
    void aServerUrlWithoutADatabaseRestoresIntoANewOne() {
        DemoRestore.Destination d = DemoRestore.parse("postgresql://postgres@127.0.0.1:5432");

        assertThat(d.engine()).isEqualTo(DatabaseLocation.Engine.POSTGRESQL);
        assertThat(d.host()).isEqualTo("127.0.0.1");
        assertThat(d.port()).isEqualTo(5432);
        assertThat(d.username()).isEqualTo("postgres");
        assertThat(d.password()).isNull();
        assertThat(d.database()).isNull();
        assertThat(d.displayUrl()).isEqualTo("postgresql://127.0.0.1:5432 (as postgres)");
        assertThat(DemoRestore.parse("postgres://127.0.0.1/").database()).isNull();
        assertThat(DemoRestore.parse("postgres://127.0.0.1").username()).isEqualTo("postgres");
    }

    @Test
    void aServerUrlMayNameTheDatabaseAndTakeItsUserAndPasswordFromTheQuery() {
        DemoRestore.Destination named = DemoRestore.parse("mysql://root:s%40cret@db.internal:3307/shop_copy");
        DemoRestore.Destination query = DemoRestore.parse("jdbc:mariadb://db.internal?user=root&password=pw");

        assertThat(named.engine()).isEqualTo(DatabaseLocation.Engine.MARIADB);
        assertThat(named.database()).isEqualTo("shop_copy");
        assertThat(named.password()).isEqualTo("s@cret");
        assertThat(named.toString()).doesNotContain("s@cret").contains("(password set)");
        assertThat(query.database()).isNull();
        assertThat(query.port()).isEqualTo(3306);
        assertThat(query.username()).isEqualTo("root");
        assertThat(query.password()).isEqualTo("pw");
    }

    @Test
    void aBadUrlIsRefusedNamingTheOptionButNeverThePassword() {
        assertThatThrownBy(() -> DemoRestore.parse("mysql://127.0.0.1:3306"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--restore-to: ")
                .hasMessageContaining("user is missing");
        assertThatThrownBy(() -> DemoRestore.parse("oracle://u:topsecret@h/db"))
                .hasMessageStartingWith("--restore-to: ")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> DemoRestore.parse(" ")).hasMessageStartingWith("--restore-to is empty");
    }

    @Test
    void theConfiguredDestinationIsDemoWithThePasswordFileOnly() {
        DemoRestore.Destination d = DemoRestore.parse("postgresql://restorer:pw@10.0.0.5:5433");

        ConfigFile.Destination configured = d.configured(Path.of("/tmp/secret"));

        assertThat(configured)
                .isEqualTo(new ConfigFile.Destination(
                        "demo",
                        DatabaseLocation.Engine.POSTGRESQL,
                        "10.0.0.5",
                        5433,
                        "restorer",
                        Path.of("/tmp/secret")));
    }

    @Test
    void tablesMustHaveTheEnginesForm() {
        DemoRestore.checkTables(List.of("public.album", "public.artist"), DatabaseLocation.Engine.POSTGRESQL);
        DemoRestore.checkTables(List.of("Album"), DatabaseLocation.Engine.MARIADB);

        assertThatThrownBy(() -> DemoRestore.checkTables(List.of("album"), DatabaseLocation.Engine.POSTGRESQL))
                .hasMessageContaining("schema.table")
                .hasMessageContaining("'album'");
        assertThatThrownBy(() -> DemoRestore.checkTables(List.of("chinook.Album"), DatabaseLocation.Engine.MARIADB))
                .hasMessageContaining("without its database");
    }

    @Test
    void aProgressLineShowsStatePhasePercentBytesAndEta() {
        SchedulerClient.RestoreStatus running = new SchedulerClient.RestoreStatus(
                UUID.randomUUID(),
                null,
                "RUNNING",
                "RESTORE",
                42,
                1_200_000,
                2_900_000,
                3L,
                null,
                null,
                null,
                null,
                null,
                "{}");
        SchedulerClient.RestoreStatus requested = new SchedulerClient.RestoreStatus(
                UUID.randomUUID(), null, "REQUESTED", null, null, 0, 0, null, null, null, null, null, null, "{}");

        assertThat(DemoRestore.progressLine(running))
                .isEqualTo("  RUNNING   RESTORE   42%  1.2 MB of 2.9 MB read, ETA 3 s");
        assertThat(DemoRestore.progressLine(requested)).isEqualTo("  REQUESTED");
    }
}
