package io.bulwark.localstack.bench;

import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.artifacts.codec.DecryptionKeys;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.embedded.PostgresDatabases;
import io.bulwark.embedded.S3ProxyServer;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.RestoreSelection;
import io.bulwark.engines.postgres.PgDumpTool;
import io.bulwark.engines.postgres.PgRestoreTool;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.localstack.DurationConverter;
import io.bulwark.localstack.LocalStack;
import io.bulwark.localstack.PostgresLocation;
import io.bulwark.localstack.WorkFolders;
import io.bulwark.localstack.restore.DestinationUrl;
import io.bulwark.localstack.restore.StandaloneRestore;
import io.bulwark.pipeline.ProvenRestore;
import io.bulwark.pipeline.StoredBackup;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark bench restore}: how much Bulwark's proven restore costs over restoring by hand. On the pgbench
 * database of {@code --scale} it captures one plain artifact (zstd level 3, no encryption) into an S3Proxy bucket in
 * this JVM (the dump-worker's capture path, {@link DirectCapture}), downloads it once and decodes a copy, then per
 * run restores it four ways into fresh databases on the same server: {@code zstd -dc | pg_restore} ({@code bare_ms}),
 * {@link StandaloneRestore} from S3Proxy including its proof ({@code restore_ms}, the path of {@code ./bulwark
 * restore}), {@code pg_restore -j 2} of the decoded file ({@code bare_jobs_ms}) and Bulwark with {@code --jobs 2}
 * ({@code restore_jobs_ms}). Bare and Bulwark take turns going first. A benchmark run by hand, never by the build.
 */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Benchmark a restore: Bulwark's standalone restore (./bulwark restore's path, in this JVM, reading from"
                    + " S3Proxy, proof included) against zstd -dc | pg_restore, and with --jobs 2 against"
                    + " pg_restore -j 2 of the decoded archive, into fresh databases on the same server.",
            "Prints the runs, bare_ms, restore_ms, ratio, bare_jobs_ms, restore_jobs_ms, ratio_jobs and the goals"
                    + " ratio <= 1.15, ratio_jobs <= 1.15.",
            "PostgreSQL: env BULWARK_PG_URL, else " + CaptureBenchCommand.DEFAULT_PG_URL + "; the database"
                    + " bulwark_bench_s<N> is made there with pgbench -i and kept; the databases restored into are"
                    + " dropped.",
            "Exit code: 0 measured (goals met or not), 1 a restore failed, 2 bad arguments, 4 could not run."
        })
public final class RestoreBenchCommand implements Callable<Integer> {

    /** The prefix of the databases restored into. */
    static final String DATABASE_PREFIX = "bulwark_bench_restore_";

    @Option(
            names = "--scale",
            paramLabel = "N",
            defaultValue = "50",
            description = "pgbench scale of the database (default ${DEFAULT-VALUE}; 1 is about 15 MB).")
    int scale;

    @Option(
            names = "--runs",
            paramLabel = "N",
            defaultValue = "1",
            description = "Runs of the four restores; the figures are medians (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "1h",
            converter = DurationConverter.class,
            description = "How long the capture or one restore may take (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--keep", description = "Keep the working folder (the S3 data, the artifact, its decoded copy).")
    boolean keep;

    /** Thrown when a restore fails: its figures would mean nothing. */
    static final class RestoreFailedException extends RuntimeException {
        RestoreFailedException(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (scale < 1 || runs < 1) {
            err.println("ERROR: --scale and --runs take whole numbers from 1");
            return LocalStack.EXIT_USAGE;
        }
        PostgresLocation server;
        try {
            PostgresLocation fromEnv = PostgresLocation.fromEnvironment();
            server = fromEnv != null ? fromEnv : PostgresLocation.parse(CaptureBenchCommand.DEFAULT_PG_URL);
        } catch (IllegalArgumentException e) {
            err.println("ERROR: " + e.getMessage());
            return LocalStack.EXIT_USAGE;
        }
        Path work;
        try {
            work = Files.createTempDirectory("bulwark-bench-restore-");
        } catch (IOException e) {
            err.println("ERROR: cannot create a temporary folder: " + e.getMessage());
            return LocalStack.EXIT_STACK_FAILED;
        }
        PostgresDatabases databases =
                new PostgresDatabases(server.host(), server.port(), server.username(), server.password());
        try (S3ProxyServer s3 = S3ProxyServer.start(work.resolve("s3"), "bulwark")) {
            RestoreBenchReport report = measure(server, databases, s3, work, new ProcessRunner(), out, err);
            out.print(report.render());
            return 0;
        } catch (RestoreFailedException e) {
            err.println("FAILED: " + e.getMessage());
            return LocalStack.EXIT_NOT_PASSED;
        } catch (RuntimeException e) {
            err.println("ERROR: " + e.getMessage());
            return LocalStack.EXIT_STACK_FAILED;
        } finally {
            for (String database : databaseNames(runs)) {
                dropQuietly(databases, database);
            }
            WorkFolders.keepOrDelete(work, keep, err, "bench: working folder kept: ");
        }
    }

    private RestoreBenchReport measure(
            PostgresLocation server,
            PostgresDatabases databases,
            S3ProxyServer s3,
            Path work,
            ProcessRunner runner,
            PrintStream out,
            PrintStream err) {
        int versionNum = PgbenchDatabase.serverVersionNum(server);
        PgDumpTool pgDump = new PgDumpTool(runner, PgDumpTool.DEFAULT_PROGRAM, timeout);
        PgbenchDatabase pgbench =
                new PgbenchDatabase(server, runner, PgbenchDatabase.pgbenchNextTo(pgDump.programFor(versionNum)));
        String source = pgbench.ensure(scale, err);
        MinioObjectStore store = new MinioObjectStore(
                ObjectStoreSettings.of(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.bucket()));
        err.println("bench: capturing " + source + " into S3Proxy (pg_dump -Fc, zstd 3) ...");
        long captureStarted = System.nanoTime();
        DirectCapture.Backup backup = DirectCapture.capture(
                store,
                "bench_s" + scale,
                pgDump,
                new ConnectionSpec(server.host(), server.port(), source, server.username(), server.password()),
                CodecChain.zstd(3),
                timeout);
        ArtifactRef artifact = backup.manifest().artifact();
        err.println("bench: captured " + artifact.storedBytes() + " bytes (" + artifact.rawBytes() + " raw) in "
                + millisSince(captureStarted) + " ms as " + artifact.key());
        Path zst = work.resolve("artifact").resolve("dump.pgcustom.zst");
        Path decoded = work.resolve("artifact").resolve("dump.pgcustom");
        download(store, artifact.key(), zst);
        run(runner, List.of("zstd", "-q", "-d", "-f", zst.toString(), "-o", decoded.toString()), Map.of(), "zstd -d");

        Path bin = StandaloneRestore.defaultPgBinDir();
        String pgRestore =
                bin == null ? "pg_restore" : bin.resolve("pg_restore").toString();
        err.println("bench: diagnostics: pg_restore --list of the archive's first 4 MiB (Bulwark reads the table of"
                + " contents before restoring) takes " + headListingMillis(decoded, bin, runner) + " ms");
        StandaloneRestore restore = new StandaloneRestore(store, DecryptionKeys.none(), bin, Clock.systemUTC());
        BareRestores bare = new BareRestores(runner, pgRestore, server, timeout);
        Ours ours = new Ours(restore, backup.prefix(), server, work);
        List<Long> bareMillis = new ArrayList<>();
        List<Long> restoreMillis = new ArrayList<>();
        List<Long> bareJobsMillis = new ArrayList<>();
        List<Long> restoreJobsMillis = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            boolean bareFirst = i % 2 == 1;
            String prefix = DATABASE_PREFIX + i + "_";
            Measure bareStream = () -> bare.streamed(databases, prefix + "bare", zst);
            Measure oursStream = () -> ours.restore(databases, prefix + "ours", 1, err);
            Measure bareJobs = () -> bare.parallel(databases, prefix + "bare_j2", decoded, 2);
            Measure oursJobs = () -> ours.restore(databases, prefix + "ours_j2", 2, err);
            if (bareFirst) {
                bareMillis.add(bareStream.millis());
                restoreMillis.add(oursStream.millis());
                restoreJobsMillis.add(oursJobs.millis());
                bareJobsMillis.add(bareJobs.millis());
            } else {
                restoreMillis.add(oursStream.millis());
                bareMillis.add(bareStream.millis());
                bareJobsMillis.add(bareJobs.millis());
                restoreJobsMillis.add(oursJobs.millis());
            }
            err.println("bench: run " + i + "/" + runs + " (" + (bareFirst ? "bare" : "Bulwark") + " first): bare "
                    + last(bareMillis) + " ms, restore " + last(restoreMillis) + " ms, bare_jobs "
                    + last(bareJobsMillis) + " ms, restore_jobs " + last(restoreJobsMillis) + " ms");
        }
        out.println("# bulwark bench restore: pgbench scale " + scale + " (database " + source + ", "
                + scale * PgbenchDatabase.ACCOUNTS_PER_SCALE + " accounts, on " + server.displayUrl() + "), " + runs
                + " run(s)" + (runs > 1 ? "; the *_ms figures are medians" : ""));
        out.println("# artifact: one capture in this JVM through the dump-worker's capture stream (pg_dump -Fc, zstd"
                + " level 3, no encryption): " + artifact.storedBytes() + " bytes stored, " + artifact.rawBytes()
                + " raw, " + backup.manifest().inventory().tables().size() + " tables; downloaded once and decoded"
                + " once (zstd -d) before the runs");
        out.println("# bare: bash -o pipefail -c 'zstd -dc ARTIFACT | " + pgRestore + " --no-owner --no-privileges"
                + " -d NEWDB'; bare_jobs: " + pgRestore + " --no-owner --no-privileges -j 2 -d NEWDB DECODED_FILE;"
                + " both timed from CREATE DATABASE NEWDB (JDBC, as Bulwark creates its database)");
        out.println("# ours: ./bulwark restore's path in this JVM (StandaloneRestore -> ProvenRestore), from finding"
                + " the backup in S3Proxy to the proven report SUCCEEDED: create the database, stream the artifact"
                + " (SHA-256, zstd-jni) into pg_restore, then the proof (tables, exact row counts, schema, foreign"
                + " keys, sequences); restore_jobs spools the decoded archive to a file and runs pg_restore -j 2");
        return new RestoreBenchReport(bareMillis, restoreMillis, bareJobsMillis, restoreJobsMillis);
    }

    /** One timed restore, in milliseconds. */
    @FunctionalInterface
    private interface Measure {
        long millis();
    }

    /** Bulwark's standalone restore, timed from finding the backup to the proven report. */
    private final class Ours {
        private final StandaloneRestore restore;
        private final String prefix;
        private final PostgresLocation server;
        private final Path spool;

        Ours(StandaloneRestore restore, String prefix, PostgresLocation server, Path spool) {
            this.restore = restore;
            this.prefix = prefix;
            this.server = server;
            this.spool = spool;
        }

        long restore(PostgresDatabases databases, String database, int jobs, PrintStream err) {
            dropQuietly(databases, database);
            DestinationUrl url = new DestinationUrl(
                    DestinationUrl.POSTGRESQL, server.host(), server.port(), server.username(), null);
            long started = System.nanoTime();
            StoredBackup backup = restore.backups().find(prefix, null, null);
            long findMillis = millisSince(started);
            ProvenRestore.Result result = restore.restore(
                    backup,
                    new StandaloneRestore.Destination(url, server.password()),
                    new StandaloneRestore.Options(
                            database, false, null, RestoreSelection.EVERYTHING, jobs, true, timeout, spool),
                    ProvenRestore.Listener.NONE);
            long millis = millisSince(started);
            RestoreReport report = result.report();
            dropQuietly(databases, database);
            if (!report.succeeded()) {
                throw new RestoreFailedException("Bulwark's restore (jobs " + jobs + ") ended " + report.state() + " ("
                        + report.reason() + "): " + report.message());
            }
            RestoreReport.Timings t = report.timings();
            err.println("bench:   Bulwark jobs " + jobs + ": " + millis + " ms (find " + findMillis + ", prepare "
                    + t.prepareMillis() + ", restore " + t.restoreMillis() + ", proof " + t.checksMillis() + ", rest "
                    + (millis - findMillis - t.totalMillis()) + ")");
            return millis;
        }
    }

    /** The two restores by hand. */
    private record BareRestores(ProcessRunner runner, String pgRestore, PostgresLocation server, Duration timeout) {

        long streamed(PostgresDatabases databases, String database, Path zst) {
            String script = "zstd -dc " + BareRestore.quote(zst.toString()) + " | " + BareRestore.quote(pgRestore)
                    + " --no-owner --no-privileges" + connection() + " -d " + database;
            return timed(databases, database, List.of("bash", "-o", "pipefail", "-c", script), "zstd -dc | pg_restore");
        }

        long parallel(PostgresDatabases databases, String database, Path decoded, int jobs) {
            List<String> argv = new ArrayList<>(List.of(
                    pgRestore,
                    "--no-owner",
                    "--no-privileges",
                    "-j",
                    Integer.toString(jobs),
                    "-h",
                    server.host(),
                    "-p",
                    Integer.toString(server.port()),
                    "-U",
                    server.username(),
                    "-d",
                    database,
                    decoded.toString()));
            return timed(databases, database, argv, "pg_restore -j " + jobs);
        }

        /**
         * {@code CREATE DATABASE} (through JDBC, as Bulwark's restore does it) and then {@code argv}, both timed: a
         * restore by hand needs the database too.
         */
        private long timed(PostgresDatabases databases, String database, List<String> argv, String what) {
            dropQuietly(databases, database);
            long started = System.nanoTime();
            databases.create(database);
            long createMillis = millisSince(started);
            ProcessRunner.Result result = runner.run(spec(database).toolCommand(argv, timeout));
            long millis = millisSince(started);
            dropQuietly(databases, database);
            if (!result.succeeded()) {
                throw new RestoreFailedException(what + " failed ("
                        + (result.timedOut() ? "killed after " + timeout : "exit " + result.exitCode()) + "): "
                        + result.stderr());
            }
            System.err.println("bench:   bare " + what + ": " + millis + " ms (CREATE DATABASE " + createMillis + ", "
                    + what + " " + (millis - createMillis) + ")");
            return millis;
        }

        private String connection() {
            return " -h " + BareRestore.quote(server.host()) + " -p " + server.port() + " -U "
                    + BareRestore.quote(server.username());
        }

        /** How the tools reach {@code database}: its password, if any, goes through a private PGPASSFILE. */
        private io.bulwark.engines.postgres.PostgresConnectionSpec spec(String database) {
            return new io.bulwark.engines.postgres.PostgresConnectionSpec(
                    server.host(), server.port(), database, server.username(), server.password());
        }
    }

    /** Every database a run of {@code runs} may create. */
    static List<String> databaseNames(int runs) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            for (String kind : List.of("bare", "ours", "bare_j2", "ours_j2")) {
                names.add(DATABASE_PREFIX + i + "_" + kind);
            }
        }
        return names;
    }

    private static void dropQuietly(PostgresDatabases databases, String database) {
        try {
            databases.drop(database);
        } catch (RuntimeException e) {
            System.err.println("bench: warning: cannot drop " + database + ": " + e.getMessage());
        }
    }

    private static void download(MinioObjectStore store, String key, Path file) {
        try (InputStream in = store.get(key)) {
            Files.createDirectories(file.getParent());
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot download " + key + ": " + e.getMessage(), e);
        }
    }

    private static void run(ProcessRunner runner, List<String> argv, Map<String, String> env, String what) {
        ProcessRunner.Result result = runner.run(new ProcessRunner.Command(argv, env, Duration.ofHours(1)));
        if (!result.succeeded()) {
            throw new IllegalStateException(what + " failed (exit " + result.exitCode() + "): " + result.stderr());
        }
    }

    /** How long Bulwark's look at the archive's head takes: {@code pg_restore --list} of its first 4 MiB. */
    private long headListingMillis(Path decoded, Path bin, ProcessRunner runner) {
        byte[] head;
        try (InputStream in = Files.newInputStream(decoded)) {
            head = in.readNBytes(4 * 1024 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + decoded, e);
        }
        PgRestoreTool tool = new PgRestoreTool(runner, bin);
        long started = System.nanoTime();
        tool.readHead(head, timeout);
        return millisSince(started);
    }

    private static long last(List<Long> values) {
        return values.get(values.size() - 1);
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }
}
