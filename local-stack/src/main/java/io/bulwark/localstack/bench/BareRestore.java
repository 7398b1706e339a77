package io.bulwark.localstack.bench;

import io.bulwark.contracts.SchemaInventory;
import io.bulwark.engines.process.ProcessRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The baseline of the verify benchmark: what an operator would run by hand to check a plain zstd capture, as one
 * script under {@code bash -o pipefail}: a fresh {@code initdb -A trust}, {@code pg_ctl -w start} on 127.0.0.1 with the
 * durability-off settings of the verifier's sandbox ({@code LocalPostgresInstance.Options.sandbox()}), {@code
 * createdb}, {@code zstd -dc <artifact> | pg_restore --no-owner --no-privileges}, one {@code psql} counting the rows of
 * every table of the manifest's inventory, {@code pg_ctl stop} and removing the data directory. When the bench runs as
 * root the server programs run as OS user {@code postgres} through {@code runuser -u postgres --}.
 */
final class BareRestore {

    /** The superuser and the database of the bare restore. */
    static final String SUPERUSER = "postgres";

    static final String DATABASE = "bench_restore";

    /**
     * The server settings of the verifier's sandbox when not durable ({@code LocalPostgresInstance#startServer}).
     */
    static final String DURABILITY_OFF = "-c fsync=off -c full_page_writes=off -c synchronous_commit=off"
            + " -c wal_level=minimal -c max_wal_senders=0 -c autovacuum=off"
            + " -c max_wal_size=1GB -c maintenance_work_mem=256MB";

    private BareRestore() {}

    /**
     * The script.
     *
     * @param bin the PostgreSQL server binaries, e.g. {@code /usr/lib/postgresql/17/bin}
     * @param dataDir the data directory to make (its parent exists and is traversable by {@code postgres})
     * @param port a free TCP port on 127.0.0.1
     * @param artifact the zstd-compressed custom-format dump
     * @param tables the tables to count, as {@code schema} and {@code name}
     * @param asRoot whether to run the server programs as OS user {@code postgres}
     * @return the bash script text; it prints one line of {@code |}-separated counts, in the order of {@code tables}
     */
    static String script(
            Path bin, Path dataDir, int port, Path artifact, List<SchemaInventory.TableInfo> tables, boolean asRoot) {
        String as = asRoot ? "runuser -u " + SUPERUSER + " -- " : "";
        String b = quote(bin.toString());
        String d = quote(dataDir.toString());
        String conn = " -h 127.0.0.1 -p " + port + " -U " + SUPERUSER;
        String serverOptions =
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' " + DURABILITY_OFF;
        List<String> lines = new ArrayList<>();
        lines.add("set -e");
        lines.add("cleanup() { " + as + b + "/pg_ctl -D " + d + " -m immediate stop >/dev/null 2>&1 || true; rm -rf "
                + d + "; }");
        lines.add("trap cleanup EXIT");
        lines.add(asRoot ? "install -d -o " + SUPERUSER + " -m 0700 " + d : "mkdir -m 0700 " + d);
        lines.add(as + b + "/initdb -D " + d + " -A trust -U " + SUPERUSER
                + " --no-sync --no-instructions --encoding=UTF8 --locale=C.UTF-8 >/dev/null");
        lines.add(as + b + "/pg_ctl -w -D " + d + " -l " + d + "/server.log -o " + quote(serverOptions)
                + " start >/dev/null");
        lines.add(b + "/createdb" + conn + " " + DATABASE);
        lines.add("zstd -dc " + quote(artifact.toString()) + " | " + b + "/pg_restore --no-owner --no-privileges" + conn
                + " -d " + DATABASE);
        lines.add(b + "/psql" + conn + " -d " + DATABASE + " -X -A -t -c " + quote(countQuery(tables)));
        lines.add(as + b + "/pg_ctl -w -D " + d + " -m fast stop >/dev/null");
        return String.join("\n", lines) + "\n";
    }

    /** {@code SELECT (SELECT count(*) FROM "s"."t"), ...}: every table's row count in one row. */
    static String countQuery(List<SchemaInventory.TableInfo> tables) {
        if (tables.isEmpty()) {
            return "SELECT 0";
        }
        return tables.stream()
                .map(t -> "(SELECT count(*) FROM " + ident(t.schema()) + "." + ident(t.name()) + ")")
                .collect(Collectors.joining(", ", "SELECT ", ""));
    }

    /** The counts {@code psql -A -t} printed for {@link #countQuery}. */
    static List<Long> parseCounts(String stdout) {
        String line = stdout.strip();
        return Arrays.stream(line.split("\\|"))
                .map(String::strip)
                .map(Long::parseLong)
                .toList();
    }

    /** The command running {@code script}. */
    static ProcessRunner.Command command(String script, java.time.Duration timeout) {
        return new ProcessRunner.Command(List.of("bash", "-o", "pipefail", "-c", script), null, timeout);
    }

    /** A double-quoted SQL identifier. */
    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A single-quoted shell word. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
