package io.bulwark.localstack.bench;

import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.VerificationReport;
import io.bulwark.embedded.FreePorts;
import io.bulwark.embedded.KafkaKraftBroker;
import io.bulwark.embedded.S3ProxyServer;
import io.bulwark.engines.postgres.PgDumpTool;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.localstack.BulwarkService;
import io.bulwark.localstack.ConfigFile;
import io.bulwark.localstack.DurationConverter;
import io.bulwark.localstack.Home;
import io.bulwark.localstack.LocalStack;
import io.bulwark.localstack.PostgresLocation;
import io.bulwark.localstack.ServiceProcess;
import io.bulwark.localstack.Stack;
import io.bulwark.localstack.WorkFolders;
import io.bulwark.localstack.bench.CaptureClient.CaptureFailedException;
import io.bulwark.localstack.bench.CaptureClient.CaptureTimeoutException;
import io.bulwark.localstack.bench.CaptureClient.Captured;
import io.bulwark.localstack.bench.CaptureClient.Verdict;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bulwark bench verify}: how much the verifier costs over checking a backup by hand. On the pgbench database
 * of {@code --scale} it takes a plain capture with the real dump-worker jar while the real verifier-service jar runs,
 * times the verifier from the {@code BackupCompleted} to its {@code BackupVerified} (which must be PASSED), then
 * downloads the artifact and times {@link BareRestore}: a fresh {@code initdb}, {@code zstd -dc | pg_restore} and one
 * {@code count(*)} per table. A benchmark run by hand, never by the build.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Benchmark a verification: time the real verifier-service on a plain capture of a pgbench database of"
                    + " --scale (from BackupCompleted to BackupVerified) against a bash script doing it by hand:"
                    + " initdb, pg_ctl start, createdb, zstd -dc | pg_restore, count(*) of every table, pg_ctl stop.",
            "Prints bare_ms, verify_ms, ratio, sandbox_ready_ms, restore_ms and the goals: ratio <= 1.3,"
                    + " sandbox_ready_ms <= 2000.",
            "PostgreSQL: env BULWARK_PG_URL, else " + CaptureBenchCommand.DEFAULT_PG_URL + "; the database"
                    + " bulwark_bench_s<N> is made there with pgbench -i and kept for the next run.",
            "Exit code: 0 measured (goals met or not), 1 a capture or verification failed, 2 bad arguments,"
                    + " 3 timeout, 4 could not run."
        })
public final class VerifyBenchCommand implements Callable<Integer> {

    /** Where Debian and Ubuntu install the PostgreSQL server binaries, one folder per major version. */
    static final Path DEBIAN_POSTGRES = Path.of("/usr/lib/postgresql");

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
            description = "Runs, each a fresh capture, its verification and the bare restore; the figures are medians"
                    + " (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "1h",
            converter = DurationConverter.class,
            description = "How long one capture, verification or bare restore may take (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--keep", description = "Keep the working folder (logs, the artifact, Kafka data).")
    boolean keep;

    @Mixin
    Home.HomeOption home;

    private final Deque<AutoCloseable> closers = new ConcurrentLinkedDeque<>();
    private final List<Path> logs = new ArrayList<>();

    /**
     * The newest {@code <root>/<major>/bin} holding {@code initdb}, {@code pg_ctl} and {@code pg_restore}.
     *
     * @throws IllegalStateException when there is none
     */
    static Path newestBinDir(Path root) {
        try (Stream<Path> majors = Files.list(root)) {
            return majors.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .map(p -> p.resolve("bin"))
                    .filter(b ->
                            Stream.of("initdb", "pg_ctl", "pg_restore").allMatch(n -> Files.isExecutable(b.resolve(n))))
                    .max(Comparator.comparingInt(
                            b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server binaries under " + root));
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL server binaries under " + root + ": " + e.getMessage(), e);
        }
    }

    /** The failed checks of a verdict, one {@code name: detail} each, for the error message. */
    static String describeFailure(BackupVerified verified) {
        List<CheckResult> failed = verified.failedChecks();
        return "backup " + verified.backupId() + " of target " + verified.targetId() + " was verified "
                + verified.outcome()
                + (failed.isEmpty()
                        ? " (no check FAILED)"
                        : ": "
                                + failed.stream()
                                        .map(c -> c.name() + ": " + c.detail())
                                        .collect(Collectors.joining("; ")));
    }

    /** Thrown when the verifier's verdict is not PASSED. */
    static final class NotPassedException extends RuntimeException {
        NotPassedException(String message) {
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
        Path root = home.root();
        for (BulwarkService s : List.of(BulwarkService.DUMP_WORKER, BulwarkService.VERIFIER)) {
            if (!Files.isRegularFile(s.jar(root))) {
                err.println("ERROR: " + s.jar(root) + " is missing; build it with ./mvnw -B -DskipTests package, or"
                        + " pass --home.");
                return LocalStack.EXIT_STACK_FAILED;
            }
        }
        Path work;
        Path sandboxes;
        try {
            work = Files.createTempDirectory("bulwark-bench-verify-");
            // the servers run as OS user postgres when this runs as root: it must traverse this folder
            sandboxes = Files.createTempDirectory(
                    Path.of("/tmp"),
                    "bulwark-bench-sandboxes-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
            Files.setPosixFilePermissions(sandboxes, PosixFilePermissions.fromString("rwx--x--x"));
        } catch (IOException e) {
            err.println("ERROR: cannot create a temporary folder: " + e.getMessage());
            return LocalStack.EXIT_STACK_FAILED;
        }
        Thread hook = Thread.ofPlatform().unstarted(this::closeAll);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            measure(server, root, work, sandboxes, new ProcessRunner(), out, err);
            return 0;
        } catch (CaptureFailedException | NotPassedException e) {
            err.println("FAILED: " + e.getMessage());
            printLogs(err);
            return LocalStack.EXIT_NOT_PASSED;
        } catch (CaptureTimeoutException e) {
            err.println("TIMEOUT: " + e.getMessage());
            printLogs(err);
            return LocalStack.EXIT_TIMEOUT;
        } catch (RuntimeException e) {
            err.println("ERROR: " + e.getMessage());
            printLogs(err);
            return LocalStack.EXIT_STACK_FAILED;
        } finally {
            closeAll();
            WorkFolders.removeShutdownHook(hook);
            WorkFolders.delete(sandboxes);
            WorkFolders.keepOrDelete(work, keep, err, "bench: working folder kept: ");
        }
    }

    private void measure(
            PostgresLocation server,
            Path root,
            Path work,
            Path sandboxes,
            ProcessRunner runner,
            PrintStream out,
            PrintStream err) {
        int versionNum = PgbenchDatabase.serverVersionNum(server);
        PgDumpTool pgDumpTool = new PgDumpTool(runner, PgDumpTool.DEFAULT_PROGRAM, timeout);
        String pgDump = pgDumpTool.programFor(versionNum);
        PgbenchDatabase dbs = new PgbenchDatabase(server, runner, PgbenchDatabase.pgbenchNextTo(pgDump));
        dbs.ensure(scale, err);
        Path bin = newestBinDir(DEBIAN_POSTGRES);
        boolean asRoot = "root".equals(System.getProperty("user.name"));

        err.println("bench: starting Kafka (KRaft) and S3Proxy in " + work + " ...");
        KafkaKraftBroker kafka = KafkaKraftBroker.start(work.resolve("kafka"));
        closers.push(kafka);
        S3ProxyServer s3 = S3ProxyServer.start(work.resolve("s3"), Stack.BUCKET);
        closers.push(s3);
        MinioClient minio = MinioClient.builder()
                .endpoint(s3.endpoint())
                .region(s3.region())
                .credentials(s3.accessKey(), s3.secretKey())
                .build();
        CaptureClient client = new CaptureClient(kafka.bootstrapServers());
        closers.push(client);
        client.createAnswerTopics();
        ConfigFile.Storage storage =
                new ConfigFile.Storage(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.bucket(), s3.region());
        Path passwordFile = server.password() == null
                ? null
                : ConfigFile.writeSecret(work.resolve("secrets").resolve("bench.password"), server.password());
        ConfigFile.Target target = CaptureBenchCommand.benchTarget(scale, false, server, passwordFile, null);
        Path config = ConfigFile.write(work.resolve("config").resolve("bench.yml"), storage, List.of(target), null);

        Path verifierLog = work.resolve("logs").resolve("verifier-service.log");
        logs.add(verifierLog);
        int verifierPort = FreePorts.next();
        Path verifierSandboxes = sandboxes.resolve("verifier");
        Path bareDir = sandboxes.resolve("bare");
        try {
            for (Path d : List.of(verifierSandboxes, bareDir)) {
                Files.createDirectories(d);
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwx--x--x"));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + sandboxes, e);
        }
        err.println("bench: starting the verifier (log " + verifierLog + ") ...");
        ServiceProcess verifier = BenchVerifier.start(
                Stack.javaExecutable(),
                root,
                BenchVerifier.arguments(config, verifierPort, kafka.bootstrapServers(), verifierSandboxes, bin),
                verifierPort,
                verifierLog);
        closers.push(verifier);
        client.awaitGroupReady(CaptureClient.VERIFIER_GROUP, Topics.BACKUP_COMPLETED, Duration.ofMinutes(2));

        Path workerLog = work.resolve("logs").resolve("dump-worker.log");
        logs.add(workerLog);
        int workerPort = FreePorts.next();
        err.println("bench: starting the dump-worker for target " + target.id() + " (log " + workerLog + ") ...");
        ServiceProcess worker = BenchDumpWorker.start(
                Stack.javaExecutable(),
                root,
                config,
                workerPort,
                kafka.bootstrapServers(),
                workerLog,
                work.resolve("logs").resolve("gc-dump-worker.log"),
                List.of(),
                List.of());
        closers.push(worker);
        client.awaitWorkerReady(Duration.ofMinutes(2));

        List<Long> bareMillis = new ArrayList<>();
        List<Long> verifyMillis = new ArrayList<>();
        List<Long> sandboxMillis = new ArrayList<>();
        List<Long> restoreMillis = new ArrayList<>();
        Path artifactFile = work.resolve("artifact").resolve("dump.pgcustom.zst");
        ArtifactRef artifact = null;
        VerificationReport.Timings timings = null;
        BackupVerified verified = null;
        List<SchemaInventory.TableInfo> tables = List.of();
        String script = "";
        for (int i = 1; i <= runs; i++) {
            Captured captured = client.capture(target.id(), timeout);
            long completedAt = System.nanoTime();
            artifact = captured.completed().artifact();
            err.println("bench: run " + i + "/" + runs + ": captured " + artifact.storedBytes() + " bytes as "
                    + artifact.key() + " " + artifact.codecs() + " in " + captured.wallMillis() + " ms");
            if (CaptureBenchCommand.isEncrypted(artifact)) {
                throw new IllegalStateException("the capture is encrypted (" + artifact.codecs() + "); the bare"
                        + " restore expects zstd only");
            }
            Verdict verdict = client.awaitVerified(captured.completed().backupId(), completedAt, timeout);
            verified = verdict.verified();
            if (verified.outcome() != Outcome.PASSED) {
                throw new NotPassedException(describeFailure(verified));
            }
            timings = verified.timings();
            if (timings == null) {
                throw new IllegalStateException(
                        "the BackupVerified of backup " + verified.backupId() + " carries no timings");
            }
            verifyMillis.add(verdict.wallMillis());
            sandboxMillis.add(timings.sandboxMillis());
            restoreMillis.add(timings.restoreMillis());
            err.println("bench: run " + i + "/" + runs + ": verified PASSED in " + verdict.wallMillis() + " ms ("
                    + timings + ")");

            download(minio, s3.bucket(), artifact.key(), artifactFile);
            Manifest manifest =
                    manifest(minio, s3.bucket(), captured.completed().manifestKey());
            tables = manifest.inventory().tables();
            int port = FreePorts.next();
            script = BareRestore.script(bin, bareDir.resolve("data"), port, artifactFile, tables, asRoot);
            long started = System.nanoTime();
            ProcessRunner.Result r = runner.run(BareRestore.command(script, timeout));
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (!r.succeeded()) {
                throw new IllegalStateException("the bare restore failed ("
                        + (r.timedOut() ? "killed after " + timeout : "exit " + r.exitCode()) + "): " + r.stderr()
                        + "\nscript:\n" + script);
            }
            List<Long> counts = BareRestore.parseCounts(r.stdout());
            List<Long> expected =
                    tables.stream().map(SchemaInventory.TableInfo::rows).toList();
            if (!tables.isEmpty() && !counts.equals(expected)) {
                throw new IllegalStateException(
                        "the bare restore counted " + counts + " rows but the manifest says " + expected);
            }
            bareMillis.add(millis);
            err.println("bench: run " + i + "/" + runs + ": bare restore " + millis + " ms, counts " + counts);
        }
        VerifyReport report = new VerifyReport(bareMillis, verifyMillis, sandboxMillis, restoreMillis);

        out.println("# bulwark bench verify: pgbench scale " + scale + " (database " + PgbenchDatabase.name(scale)
                + ", " + scale * PgbenchDatabase.ACCOUNTS_PER_SCALE + " accounts, on " + server.displayUrl() + "), "
                + runs + " run(s)" + (runs > 1 ? "; the *_ms figures are medians" : ""));
        out.println(
                "# capture: one plain capture per run by the dump-worker jar (zstd level 3): " + artifact.storedBytes()
                        + " bytes stored, " + artifact.rawBytes() + " raw, codecs " + artifact.codecs() + ", "
                        + tables.size() + " tables in the manifest's inventory");
        out.println("# bare: the artifact downloaded to a local file, then one bash -o pipefail script with " + bin
                + (asRoot ? ", the server programs as OS user postgres (runuser -u postgres --)" : "")
                + ": mkdir; initdb -A trust --no-sync; pg_ctl -w start on 127.0.0.1 with " + BareRestore.DURABILITY_OFF
                + " (the verifier sandbox's settings); createdb; zstd -dc ARTIFACT | pg_restore --no-owner"
                + " --no-privileges; one psql SELECT of count(*) of every table; pg_ctl stop; rm -rf the data dir");
        out.println("# ours: the verifier-service jar (java " + String.join(" ", BenchVerifier.JVM_OPTIONS)
                + ", started and in consumer group " + CaptureClient.VERIFIER_GROUP + " before the capture), sandbox "
                + verified.sandboxKind() + ", from the bench receiving the capture's BackupCompleted (the verifier"
                + " reads the same event) to receiving BackupVerified " + verified.outcome() + " ("
                + verified.checks().size()
                + " checks); sandbox_ready_ms and restore_ms are the event's timings.sandboxMillis and restoreMillis"
                + " (last run: checksMillis " + timings.checksMillis() + ", totalMillis " + timings.totalMillis()
                + ")");
        if (runs > 1) {
            out.println("# runs (ms): bare " + bareMillis + ", verify " + verifyMillis + ", sandbox " + sandboxMillis
                    + ", restore " + restoreMillis);
        }
        out.print(report.render());
    }

    private static void download(MinioClient minio, String bucket, String key, Path file) {
        try (InputStream in = minio.getObject(
                GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            Files.createDirectories(file.getParent());
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            throw new IllegalStateException("cannot download " + key + ": " + e.getMessage(), e);
        }
    }

    private static Manifest manifest(MinioClient minio, String bucket, String key) {
        try (InputStream in = minio.getObject(
                GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            return ManifestJson.read(in);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the manifest " + key + ": " + e.getMessage(), e);
        }
    }

    private synchronized void closeAll() {
        AutoCloseable next;
        while ((next = closers.pollFirst()) != null) {
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("warning: " + e.getMessage());
            }
        }
    }

    private void printLogs(PrintStream err) {
        for (Path log : logs) {
            if (Files.isRegularFile(log)) {
                err.println("log " + log + (keep ? "" : " (add --keep to keep it)") + ", its end:");
                try {
                    String text = Files.readString(log);
                    err.println(text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000));
                } catch (IOException e) {
                    err.println("(cannot read it: " + e.getMessage() + ")");
                }
            }
        }
    }
}
