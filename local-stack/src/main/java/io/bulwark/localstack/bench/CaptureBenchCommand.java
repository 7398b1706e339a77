package io.bulwark.localstack.bench;

import io.bulwark.contracts.ArtifactRef;
import io.bulwark.embedded.FreePorts;
import io.bulwark.embedded.KafkaKraftBroker;
import io.bulwark.embedded.S3ProxyServer;
import io.bulwark.engines.postgres.PgDumpTool;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.localstack.BulwarkService;
import io.bulwark.localstack.ConfigFile;
import io.bulwark.localstack.ConfigFile.Compression;
import io.bulwark.localstack.ConfigFile.Encryption;
import io.bulwark.localstack.ConfigFile.TargetOptions;
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
import io.bulwark.localstack.bench.CaptureReport.BareFigures;
import io.bulwark.localstack.bench.CaptureReport.WorkerFigures;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedDeque;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark bench capture}: how much the dump-worker costs over the bare pipeline an operator would script, and
 * how much heap it needs as the database grows. On a pgbench database of {@code --scale} it times {@code pg_dump -Fc
 * -Z0 | zstd -3 | tee | sha256sum}, then the real dump-worker jar (one fresh JVM per scale and mode) from publishing a
 * {@code BackupRequested} to receiving its {@code BackupCompleted}, without and with OpenPGP encryption, on a real
 * Kafka broker and S3 server; it samples the worker's heap every 100 ms meanwhile, also at the {@code --heap-scales}.
 * A benchmark run by hand, never by the build.
 */
@Command(
        name = "capture",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Benchmark a capture: time the bare pipeline pg_dump -Fc -Z0 | zstd -3 | tee FILE | sha256sum against"
                    + " the real dump-worker (without and with OpenPGP encryption) on a pgbench database of --scale,"
                    + " on a real Kafka broker and S3 server, and sample the dump-worker's heap every 100 ms.",
            "Prints bare_ms, plain_ms, encrypted_ms, ratio_plain, ratio_encrypted, heap_mb_s<N> per heap scale, the"
                    + " artifact sizes, and the goals: ratio_plain <= 1.05, ratio_encrypted <= 1.15, heap flat within"
                    + " 10% between scales and <= 256 MB.",
            "PostgreSQL: env BULWARK_PG_URL, else " + CaptureBenchCommand.DEFAULT_PG_URL + "; the databases"
                    + " bulwark_bench_s<N> are made there with pgbench -i and kept for the next run (--drop removes"
                    + " them).",
            "Exit code: 0 measured (goals met or not), 1 a backup failed, 2 bad arguments, 3 timeout, 4 could not"
                    + " run."
        })
public final class CaptureBenchCommand implements Callable<Integer> {

    /** The PostgreSQL used when {@value PostgresLocation#STATE_URL_ENV} is not set. */
    public static final String DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

    /** The heap scale always measured besides {@code --scale} when {@code --heap-scales} is not given. */
    static final int DEFAULT_SMALL_HEAP_SCALE = 10;

    @Option(
            names = "--scale",
            paramLabel = "N",
            defaultValue = "50",
            description = "pgbench scale of the timed captures (default ${DEFAULT-VALUE}; 1 is about 15 MB).")
    int scale;

    @Option(
            names = "--runs",
            paramLabel = "N",
            defaultValue = "1",
            description = "Runs of each pipeline; the figures are medians (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--heap-scales",
            paramLabel = "N[,N...]",
            split = ",",
            description = "pgbench scales at which to measure the dump-worker's peak heap (default 10,<scale>).")
    List<Integer> heapScales;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "1h",
            converter = DurationConverter.class,
            description = "How long one capture may take (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--keep", description = "Keep the working folder (logs, artifacts, Kafka data, the key pair).")
    boolean keep;

    @Option(names = "--drop", description = "Drop the bulwark_bench_s<N> databases at the end.")
    boolean drop;

    @Option(
            names = "--home",
            paramLabel = "DIR",
            description =
                    "Repository root holding the dump-worker jar (default: env BULWARK_HOME, else the current dir).")
    Path home;

    private final Deque<AutoCloseable> closers = new ConcurrentLinkedDeque<>();
    private Path lastWorkerLog;

    /**
     * The scales to visit, smallest first: {@code heapScales} (or {@code 10,<scale>} when none are given) and {@code
     * scale}.
     */
    static SortedSet<Integer> scales(int scale, List<Integer> heapScales) {
        SortedSet<Integer> all = new TreeSet<>(
                heapScales == null || heapScales.isEmpty() ? List.of(DEFAULT_SMALL_HEAP_SCALE, scale) : heapScales);
        all.add(scale);
        return all;
    }

    /**
     * The target a dump-worker series backs up: {@code bench-s<scale>-plain} or {@code bench-s<scale>-encrypted}, the
     * pgbench database of that scale, zstd level 3 (what the bare pipeline uses), and for the encrypted series
     * OpenPGP encryption to {@code publicKey}.
     */
    static ConfigFile.Target benchTarget(
            int scale, boolean encrypt, PostgresLocation server, Path passwordFile, Path publicKey) {
        TargetOptions options = TargetOptions.NONE.withCompression(Compression.ZSTD, 3);
        if (encrypt) {
            options = options.withEncryption(Encryption.toRecipients(List.of(publicKey)));
        }
        return new ConfigFile.Target(
                "bench-s" + scale + "-" + (encrypt ? "encrypted" : "plain"),
                server.withDatabase(PgbenchDatabase.name(scale)).toDatabaseLocation(),
                passwordFile,
                options);
    }

    /** True when the artifact is OpenPGP-encrypted: its key ends in {@code .gpg} or its codec chain names OpenPGP. */
    static boolean isEncrypted(ArtifactRef artifact) {
        return artifact.key().endsWith(".gpg")
                || artifact.codecs().stream()
                        .map(c -> c.toLowerCase(Locale.ROOT))
                        .anyMatch(c -> c.contains("pgp") || c.contains("gpg"));
    }

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (scale < 1 || runs < 1 || (heapScales != null && heapScales.stream().anyMatch(s -> s == null || s < 1))) {
            err.println("ERROR: --scale, --runs and --heap-scales take whole numbers from 1");
            return LocalStack.EXIT_USAGE;
        }
        PostgresLocation server;
        try {
            PostgresLocation fromEnv = PostgresLocation.fromEnvironment();
            server = fromEnv != null ? fromEnv : PostgresLocation.parse(DEFAULT_PG_URL);
        } catch (IllegalArgumentException e) {
            err.println("ERROR: " + e.getMessage());
            return LocalStack.EXIT_USAGE;
        }
        Path root = Home.resolve(home);
        Path jar = BulwarkService.DUMP_WORKER.jar(root);
        if (!Files.isRegularFile(jar)) {
            err.println("ERROR: " + jar + " is missing; build it with ./mvnw -B -DskipTests package, or pass --home.");
            return LocalStack.EXIT_STACK_FAILED;
        }
        Path work;
        try {
            work = Files.createTempDirectory("bulwark-bench-");
        } catch (IOException e) {
            err.println("ERROR: cannot create a temporary folder: " + e.getMessage());
            return LocalStack.EXIT_STACK_FAILED;
        }
        Thread hook = Thread.ofPlatform().unstarted(this::closeAll);
        Runtime.getRuntime().addShutdownHook(hook);
        SortedSet<Integer> scales = scales(scale, heapScales);
        ProcessRunner runner = new ProcessRunner();
        try {
            CaptureReport report = measure(server, root, work, scales, runner, out, err);
            out.print(report.render());
            return 0;
        } catch (CaptureFailedException e) {
            err.println("FAILED: " + e.getMessage());
            printWorkerLog(err);
            return LocalStack.EXIT_NOT_PASSED;
        } catch (CaptureTimeoutException e) {
            err.println("TIMEOUT: " + e.getMessage());
            printWorkerLog(err);
            return LocalStack.EXIT_TIMEOUT;
        } catch (RuntimeException e) {
            err.println("ERROR: " + e.getMessage());
            printWorkerLog(err);
            return LocalStack.EXIT_STACK_FAILED;
        } finally {
            closeAll();
            WorkFolders.removeShutdownHook(hook);
            if (drop) {
                PgbenchDatabase dbs = new PgbenchDatabase(server, runner, "pgbench");
                for (int s : scales) {
                    try {
                        dbs.drop(s);
                        err.println("bench: dropped database " + PgbenchDatabase.name(s));
                    } catch (RuntimeException e) {
                        err.println("warning: " + e.getMessage());
                    }
                }
            }
            WorkFolders.keepOrDelete(work, keep, err, "bench: working folder kept: ");
        }
    }

    private CaptureReport measure(
            PostgresLocation server,
            Path root,
            Path work,
            SortedSet<Integer> scales,
            ProcessRunner runner,
            PrintStream out,
            PrintStream err) {
        int versionNum = PgbenchDatabase.serverVersionNum(server);
        PgDumpTool pgDumpTool = new PgDumpTool(runner, PgDumpTool.DEFAULT_PROGRAM, timeout);
        String pgDump = pgDumpTool.programFor(versionNum);
        String pgDumpVersion = pgDumpTool.version(versionNum);
        PgbenchDatabase dbs = new PgbenchDatabase(server, runner, PgbenchDatabase.pgbenchNextTo(pgDump));
        for (int s : scales) {
            dbs.ensure(s, err);
        }

        err.println("bench: making an OpenPGP key pair for the encrypted runs ...");
        OpenPgpKeyPair keys = OpenPgpKeyPair.generate(work.resolve("openpgp"), runner);
        err.println("bench: starting Kafka (KRaft) and S3Proxy in " + work + " ...");
        KafkaKraftBroker kafka = KafkaKraftBroker.start(work.resolve("kafka"));
        closers.push(kafka);
        S3ProxyServer s3 = S3ProxyServer.start(work.resolve("s3"), Stack.BUCKET);
        closers.push(s3);
        CaptureClient client = new CaptureClient(kafka.bootstrapServers());
        closers.push(client);
        client.createAnswerTopics();
        ConfigFile.Storage storage =
                new ConfigFile.Storage(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.bucket(), s3.region());
        Path passwordFile = server.password() == null
                ? null
                : ConfigFile.writeSecret(work.resolve("secrets").resolve("bench.password"), server.password());
        Series series = new Series(root, work, storage, passwordFile, server, keys, kafka.bootstrapServers(), client);

        BarePipeline bare = new BarePipeline(runner, pgDump, timeout);
        Path bareArtifact = work.resolve("bare").resolve("dump.pgcustom.zst");
        BareFigures bareFigures = null;
        WorkerFigures plain = null;
        WorkerFigures encrypted = null;
        TreeMap<Integer, Double> heap = new TreeMap<>();
        List<Long> hashedMillis = new ArrayList<>();
        List<String> otherScales = new ArrayList<>();
        for (int s : scales) {
            if (s == scale) {
                err.println("bench: warm-up read of " + PgbenchDatabase.name(s) + " (untimed) ...");
                bare.warmUp(dbs.spec(s));
                List<Long> millis = new ArrayList<>();
                BarePipeline.Run last = null;
                for (int i = 1; i <= runs; i++) {
                    last = bare.run(dbs.spec(s), bareArtifact);
                    millis.add(last.millis());
                    err.println("bench: s" + s + " bare run " + i + "/" + runs + ": " + last.millis() + " ms, "
                            + last.artifactBytes() + " bytes");
                }
                bareFigures = new BareFigures(millis, last.artifactBytes());
                for (int i = 1; i <= runs; i++) {
                    BarePipeline.Run hashed = bare.runHashed(dbs.spec(s), bareArtifact);
                    hashedMillis.add(hashed.millis());
                    err.println("bench: s" + s + " bare run hashing the raw dump too " + i + "/" + runs + ": "
                            + hashed.millis() + " ms");
                }
            }
            WorkerFigures p = series.run(s, false, err);
            WorkerFigures e = series.run(s, true, err);
            heap.put(s, Math.max(p.peakHeapMb(), e.peakHeapMb()));
            if (s == scale) {
                plain = p;
                encrypted = e;
            } else {
                otherScales.add("# s" + s + " (heap only): plain " + p.millis() + " ms, encrypted " + e.millis()
                        + " ms, heap peak plain " + CaptureReport.decimals(p.peakHeapMb(), 1) + " MB, encrypted "
                        + CaptureReport.decimals(e.peakHeapMb(), 1) + " MB");
            }
        }
        CaptureReport report = new CaptureReport(scale, bareFigures, plain, encrypted, heap);
        long hashedMedian = CaptureReport.median(hashedMillis);

        out.println("# bulwark bench capture: pgbench scale " + scale + " (database " + PgbenchDatabase.name(scale)
                + ", " + scale * PgbenchDatabase.ACCOUNTS_PER_SCALE + " accounts, on " + server.displayUrl() + "), "
                + runs + " run(s) of each pipeline" + (runs > 1 ? "; the *_ms figures are medians" : ""));
        out.println("# pg_dump: " + pgDump + " (" + pgDumpVersion + "), the binary the dump-worker picks");
        out.println("# bare: bash -o pipefail -c '" + bare.display(PgbenchDatabase.name(scale), bareArtifact)
                + "' after one untimed warm-up read; the bare pipeline also writes its artifact (a local file), like"
                + " ours does (into the S3 server's folder)");
        out.println("# ours: the dump-worker jar (java " + String.join(" ", BenchDumpWorker.JVM_OPTIONS)
                + ", a fresh JVM per scale and mode), zstd level 3, from publishing BackupRequested to receiving"
                + " BackupCompleted; *_dump_ms is the event's own dumpMillis");
        out.println("# encrypted: target encryption.recipients = a fresh OpenPGP key (" + OpenPgpKeyPair.USER_ID
                + ", gpg default algorithm)");
        out.println("# heap: the largest heap in use after a garbage collection (the live heap, from the worker's"
                + " -Xlog:gc log over its whole life, start-up included); heap_mb_s<N> is the peak of the plain and"
                + " encrypted runs at scale N (MB = 2^20 bytes); the used heap sampled every "
                + HeapSampler.INTERVAL_MILLIS + " ms (garbage included) is on stderr");
        if (runs > 1) {
            out.println("# runs (ms): bare " + bareFigures.wallMillis() + ", plain " + plain.wallMillis()
                    + ", encrypted " + encrypted.wallMillis());
        }
        otherScales.forEach(out::println);
        out.println("# the same work by hand, hashing the raw dump as well (the manifest records both SHA-256s):"
                + " bash -o pipefail -c '" + BarePipeline.HASHED_SCRIPT + "' took " + hashedMedian
                + " ms; plain/that = "
                + CaptureReport.decimals((double) plain.millis() / Math.max(1, hashedMedian), 3)
                + ", encrypted/that = "
                + CaptureReport.decimals((double) encrypted.millis() / Math.max(1, hashedMedian), 3));
        if (!encrypted.artifactEncrypted()) {
            out.println("# NOTE: the artifact of the encrypted run is NOT encrypted (" + series.lastEncryptedArtifact()
                    + "): this dump-worker ignores bulwark.targets.<id>.encryption, so encrypted_ms measures a plain"
                    + " capture");
        }
        return report;
    }

    /** Runs the dump-worker captures of one scale and mode in a fresh worker JVM. */
    private final class Series {
        private final Path root;
        private final Path work;
        private final ConfigFile.Storage storage;
        private final Path passwordFile;
        private final PostgresLocation server;
        private final OpenPgpKeyPair keys;
        private final String bootstrapServers;
        private final CaptureClient client;
        private String lastEncryptedArtifact;

        Series(
                Path root,
                Path work,
                ConfigFile.Storage storage,
                Path passwordFile,
                PostgresLocation server,
                OpenPgpKeyPair keys,
                String bootstrapServers,
                CaptureClient client) {
            this.root = root;
            this.work = work;
            this.storage = storage;
            this.passwordFile = passwordFile;
            this.server = server;
            this.keys = keys;
            this.bootstrapServers = bootstrapServers;
            this.client = client;
        }

        String lastEncryptedArtifact() {
            return lastEncryptedArtifact;
        }

        WorkerFigures run(int s, boolean encrypt, PrintStream err) {
            String mode = encrypt ? "encrypted" : "plain";
            ConfigFile.Target target = benchTarget(s, encrypt, server, passwordFile, keys.publicKey());
            String targetId = target.id();
            Path config =
                    ConfigFile.write(work.resolve("config").resolve(targetId + ".yml"), storage, List.of(target), null);
            int port = FreePorts.next();
            lastWorkerLog = work.resolve("logs").resolve("dump-worker-" + targetId + ".log");
            err.println("bench: starting the dump-worker for target " + targetId + " (log " + lastWorkerLog + ") ...");
            Path gcLog = work.resolve("logs").resolve("gc-" + targetId + ".log");
            ServiceProcess worker = BenchDumpWorker.start(
                    Stack.javaExecutable(), root, config, port, bootstrapServers, lastWorkerLog, gcLog);
            closers.push(worker);
            try {
                client.awaitWorkerReady(Duration.ofMinutes(2));
                List<Long> wall = new ArrayList<>();
                List<Long> dump = new ArrayList<>();
                long peakBytes = -1;
                Captured last = null;
                for (int i = 1; i <= runs; i++) {
                    HeapSampler sampler = new HeapSampler(port, BenchDumpWorker.METRICS_TOKEN);
                    sampler.start();
                    HeapSampler.Peak peak;
                    try {
                        last = client.capture(targetId, timeout);
                    } finally {
                        peak = sampler.stop();
                    }
                    if (peak.samples() == 0) {
                        throw new IllegalStateException("no heap sample of the dump-worker succeeded during the"
                                + " capture (" + peak.failures() + " failed)");
                    }
                    peakBytes = Math.max(peakBytes, peak.peakBytes());
                    wall.add(last.wallMillis());
                    dump.add(last.completed().dumpMillis());
                    ArtifactRef a = last.completed().artifact();
                    err.println("bench: s" + s + " " + mode + " run " + i + "/" + runs + ": " + last.wallMillis()
                            + " ms (dumpMillis " + last.completed().dumpMillis() + "), " + a.storedBytes()
                            + " bytes stored as " + a.key() + " " + a.codecs() + ", heap peak "
                            + CaptureReport.decimals(peak.peakMb(), 1) + " MB (" + peak.samples() + " samples)");
                }
                ArtifactRef artifact = last.completed().artifact();
                if (encrypt) {
                    lastEncryptedArtifact = artifact.key() + ", codecs " + artifact.codecs();
                }
                long liveMb = GcLog.peakAfterGcMb(gcLog);
                err.println("bench: s" + s + " " + mode + ": heap peak sampled "
                        + CaptureReport.decimals(peakBytes / (1024.0 * 1024.0), 1) + " MB, live heap after GC peak "
                        + liveMb + " MB");
                return new WorkerFigures(wall, dump, artifact.storedBytes(), liveMb, isEncrypted(artifact));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read the dump-worker's GC log", e);
            } finally {
                closers.remove(worker);
                worker.close();
            }
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

    private void printWorkerLog(PrintStream err) {
        if (lastWorkerLog != null && Files.isRegularFile(lastWorkerLog)) {
            err.println("dump-worker log " + lastWorkerLog + (keep ? "" : " (add --keep to keep it)") + ", its end:");
            try {
                String log = Files.readString(lastWorkerLog);
                err.println(log.length() <= 4000 ? log : "..." + log.substring(log.length() - 4000));
            } catch (IOException e) {
                err.println("(cannot read it: " + e.getMessage() + ")");
            }
        }
    }
}
