package io.bulwark.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.SchemaInventory.TableInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BareRestoreTest {

    private static final List<TableInfo> TABLES = List.of(
            new TableInfo("public", "pgbench_accounts", 1_000_000, false),
            new TableInfo("public", "we\"ird", 3, false));

    @Test
    void scriptMakesAFreshServerRestoresCountsAndRemovesItAsPostgresWhenRoot() {
        String script = BareRestore.script(
                Path.of("/usr/lib/postgresql/17/bin"),
                Path.of("/tmp/s/bare/data"),
                45678,
                Path.of("/w/a.zst"),
                TABLES,
                true);

        assertThat(script.lines().toList())
                .containsExactly(
                        "set -e",
                        "cleanup() { runuser -u postgres -- '/usr/lib/postgresql/17/bin'/pg_ctl -D '/tmp/s/bare/data'"
                                + " -m immediate stop >/dev/null 2>&1 || true; rm -rf '/tmp/s/bare/data'; }",
                        "trap cleanup EXIT",
                        "install -d -o postgres -m 0700 '/tmp/s/bare/data'",
                        "runuser -u postgres -- '/usr/lib/postgresql/17/bin'/initdb -D '/tmp/s/bare/data' -A trust"
                                + " -U postgres --no-sync --no-instructions --encoding=UTF8 --locale=C.UTF-8"
                                + " >/dev/null",
                        "runuser -u postgres -- '/usr/lib/postgresql/17/bin'/pg_ctl -w -D '/tmp/s/bare/data' -l"
                                + " '/tmp/s/bare/data'/server.log -o '-p 45678 -c listen_addresses=127.0.0.1"
                                + " -c unix_socket_directories='\\'''\\'' " + BareRestore.DURABILITY_OFF
                                + "' start >/dev/null",
                        "'/usr/lib/postgresql/17/bin'/createdb -h 127.0.0.1 -p 45678 -U postgres bench_restore",
                        "zstd -dc '/w/a.zst' | '/usr/lib/postgresql/17/bin'/pg_restore --no-owner --no-privileges"
                                + " -h 127.0.0.1 -p 45678 -U postgres -d bench_restore",
                        "'/usr/lib/postgresql/17/bin'/psql -h 127.0.0.1 -p 45678 -U postgres -d bench_restore -X -A"
                                + " -t -c 'SELECT (SELECT count(*) FROM \"public\".\"pgbench_accounts\"),"
                                + " (SELECT count(*) FROM \"public\".\"we\"\"ird\")'",
                        "runuser -u postgres -- '/usr/lib/postgresql/17/bin'/pg_ctl -w -D '/tmp/s/bare/data' -m fast"
                                + " stop >/dev/null");
    }

    @Test
    void scriptRunsTheServerProgramsDirectlyWhenNotRoot() {
        String script = BareRestore.script(Path.of("/pg/bin"), Path.of("/tmp/d"), 5, Path.of("/a.zst"), TABLES, false);

        assertThat(script).doesNotContain("runuser").contains("mkdir -m 0700 '/tmp/d'\n'/pg/bin'/initdb ");
    }

    @Test
    void usesTheVerifierSandboxDurabilityOffSettings() {
        assertThat(BareRestore.DURABILITY_OFF)
                .contains("-c fsync=off", "-c full_page_writes=off", "-c synchronous_commit=off");
    }

    @Test
    void runsTheScriptUnderBashWithPipefail() {
        assertThat(BareRestore.command("echo hi\n", Duration.ofMinutes(5)).argv())
                .containsExactly("bash", "-o", "pipefail", "-c", "echo hi\n");
    }

    @Test
    void countsEveryTableInOneRowAndParsesPsqlsUnalignedOutput() {
        assertThat(BareRestore.countQuery(List.of())).isEqualTo("SELECT 0");
        assertThat(BareRestore.parseCounts("1000000|10|0|100\n")).containsExactly(1_000_000L, 10L, 0L, 100L);
    }
}
