package io.bulwark.localstack.bench;

import io.bulwark.contracts.ArtifactRef;
import io.bulwark.embedded.KafkaKraftBroker;
import io.bulwark.embedded.LoopbackTls;
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
import io.bulwark.localstack.Stack;
import io.bulwark.localstack.WorkFolders;
import io.bulwark.localstack.bench.CaptureClient.CaptureFailedException;
import io.bulwark.localstack.bench.CaptureClient.CaptureTimeoutException;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bulwark bench capture}: how much the dump-worker costs over the bare pipeline an operator would script, and
 * how much heap it needs as the database grows. On a pgbench database of {@code --scale} (compressing about 100:1) and
 * on a realistic-entropy database of about the same dump size ({@link RealisticDatabase}, compressing about 3:1) it
 * times {@code pg_dump -Fc -Z0 | zstd -3 | tee | sha256sum} and the same with {@code gpg --encrypt} after zstd, then the
 * real dump-worker jar (one fresh JVM per scale, dataset and mode) from publishing a {@code BackupRequested} to receiving
 * its {@code BackupCompleted}, without and with OpenPGP encryption, on a real Kafka broker and S3 server; each worker's
 * first capture after its start is timed apart ({@code ratio_first_run}). It reads the worker's heap after each capture
 * (from its actuator, between captures, so that reading it costs the capture nothing) and its live heap after GC (from
 * its GC log, with one full collection forced between captures by {@code jcmd GC.run}), also at the {@code
 * --heap-scales}. A benchmark run by hand, never by the build.
 */
@Command(
        name = "capture",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Benchmark a capture: time the bare pipeline pg_dump -Fc -Z0 | zstd -3 | tee FILE | sha256sum (and with"
                    + " gpg --encrypt after zstd) against the real dump-worker (without and with OpenPGP encryption) on"
                    + " a pgbench database of --scale and on a realistic-entropy database of about the same dump size"
                    + " (text, JSON and numbers compressing about 3:1), on a real Kafka broker and S3 server, and read"
                    + " the dump-worker's heap after each capture and from its GC log. The bare pipeline runs right before each timed capture of"
                    + " ours, so that the two take turns on the machine.",
            "Prints bare_ms, bare_encrypted_ms, plain_ms, encrypted_ms, ratio_plain, ratio_encrypted, heap_mb_s<N> per"
                    + " heap scale, the artifact sizes, the realistic_* figures, ratio_plain_realistic,"
                    + " ratio_encrypted_realistic, ratio_first_run (the first capture after a worker starts), and the"
                    + " goals: ratio_plain(_realistic) <= 1.10, ratio_encrypted(_realistic) <= 1.20, ratio_first_run"
                    + " <= 1.30, heap flat within 10%% between scales and <= 256 MB.",
            "PostgreSQL: env BULWARK_PG_URL, else " + CaptureBenchCommand.DEFAULT_PG_URL + "; the databases"
                    + " bulwark_bench_s<N> are made there with pgbench -i and kept for the next run (--drop removes"
                    + " them); the realistic database bulwark_bench_realistic_<random> is made for the run and dropped.",
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
            defaultValue = "3",
            description = "Runs of each pipeline; the figures are medians (default ${DEFAULT-VALUE}). Each dump-worker"
                    + " series makes one more capture first, right after the worker started (ratio_first_run).")
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

    @Option(
            names = "--raw-sha256",
            description = "Run the dump-worker with bulwark.dump-worker.raw-sha256=true (it also hashes the raw dump),"
                    + " to measure what that costs.")
    boolean rawSha256;

    @Option(
            names = "--no-realistic",
            description = "Skip the realistic-entropy database (no ratio_plain_realistic, ratio_encrypted_realistic).")
    boolean noRealistic;

    @Option(
            names = "--worker-jvm-option",
            paramLabel = "OPTION",
            description = "An extra JVM option of the benchmarked dump-worker (repeatable), e.g."
                    + " -XX:AOTCache=FILE to compare start-up settings.")
    List<String> workerJvmOptions;

    @Option(names = "--keep", description = "Keep the working folder (logs, artifacts, Kafka data, the key pair).")
    boolean keep;

    @Option(names = "--drop", description = "Drop the bulwark_bench_s<N> databases at the end.")
    boolean drop;

    @Mixin
    Home.HomeOption home;

    private final Deque<AutoCloseable> closers = new ConcurrentLinkedDeque<>();
    private volatile CaptureSeries series;

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
        return benchTarget(
                "bench-s" + scale + "-" + (encrypt ? "encrypted" : "plain"),
                server.withDatabase(PgbenchDatabase.name(scale)),
                encrypt,
                passwordFile,
                publicKey);
    }

    /**
     * The target {@code id} backing up {@code database} with zstd level 3 and, when {@code encrypt}, OpenPGP
     * encryption to {@code publicKey}.
     */
    static ConfigFile.Target benchTarget(
            String id, PostgresLocation database, boolean encrypt, Path passwordFile, Path publicKey) {
        TargetOptions options = TargetOptions.NONE.withCompression(Compression.ZSTD, 3);
        if (encrypt) {
            options = options.withEncryption(Encryption.toRecipients(List.of(publicKey)));
        }
        return new ConfigFile.Target(id, database.toDatabaseLocation(), passwordFile, options);
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
        Path root = home.root();
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
            measure(server, root, work, scales, runner, out, err);
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

    private void measure(
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
        LoopbackTls tls = LoopbackTls.create(work.resolve("tls"));
        S3ProxyServer s3 =
                S3ProxyServer.startHttps(work.resolve("s3"), Stack.BUCKET, tls.keyStore(), tls.keyStorePassword());
        closers.push(s3);
        CaptureClient client = new CaptureClient(kafka.bootstrapServers());
        closers.push(client);
        client.createAnswerTopics();
        ConfigFile.Storage storage =
                new ConfigFile.Storage(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.bucket(), s3.region());
        Path passwordFile = server.password() == null
                ? null
                : ConfigFile.writeSecret(work.resolve("secrets").resolve("bench.password"), server.password());
        series = new CaptureSeries(
                new CaptureSeries.Options(root, work, workerJvmOptions(tls), rawSha256, timeout),
                storage,
                passwordFile,
                keys,
                kafka.bootstrapServers(),
                client,
                closers);
        err.println("bench: warming the bench's own S3 server and Kafka broker with a throwaway dump-worker's captures"
                + " (untimed) ...");
        series.run("bench-warm-up", server.withDatabase(PgbenchDatabase.name(scale)), true, "warm-up", err, null, 2);

        BarePipeline bare = new BarePipeline(runner, pgDump, timeout);
        Path gnupgHome = work.resolve("openpgp").resolve("gnupg");
        Path bareArtifact = work.resolve("bare").resolve("dump.pgcustom.zst");
        BareFigures bareFigures = null;
        BareFigures bareEncrypted = null;
        WorkerFigures plain = null;
        WorkerFigures encrypted = null;
        List<Double> firstRunRatios = new ArrayList<>();
        TreeMap<Integer, Double> heap = new TreeMap<>();
        List<Long> hashedMillis = new ArrayList<>();
        List<String> otherScales = new ArrayList<>();
        List<String> benchCpu = new ArrayList<>();
        List<String> machineCpu = new ArrayList<>();
        for (int s : scales) {
            PostgresLocation db = server.withDatabase(PgbenchDatabase.name(s));
            if (s == scale) {
                err.println("bench: warm-up read of " + PgbenchDatabase.name(s) + " (untimed) ...");
                bare.warmUp(dbs.spec(s));
                for (int i = 1; i <= runs; i++) {
                    BarePipeline.Run hashed = bare.runHashed(dbs.spec(s), bareArtifact);
                    hashedMillis.add(hashed.millis());
                    err.println("bench: s" + s + " bare run hashing the raw dump too " + i + "/" + runs + ": "
                            + hashed.millis() + " ms");
                }
            }
            BareAlongside barePlain =
                    s == scale ? new BareAlongside(bare, dbs.spec(s), bareArtifact, null, null, "s" + s, err) : null;
            BareAlongside bareEnc = s == scale
                    ? new BareAlongside(bare, dbs.spec(s), bareArtifact, keys, gnupgHome, "s" + s, err)
                    : null;
            CaptureSeries.Result p = series.run("bench-s" + s + "-plain", db, false, "s" + s, err, barePlain, runs);
            CaptureSeries.Result e = series.run("bench-s" + s + "-encrypted", db, true, "s" + s, err, bareEnc, runs);
            heap.put(s, Math.max(p.figures().liveHeapMb(), e.figures().liveHeapMb()));
            if (s == scale) {
                benchCpu.add(processCpu("s" + s, p, e));
                machineCpu.add(machineCpu("s" + s, barePlain, p, bareEnc, e));
                bareFigures = barePlain.figures();
                bareEncrypted = bareEnc.figures();
                plain = p.figures();
                encrypted = e.figures();
                firstRunRatios.add(CaptureReport.ratio(p.firstMillis(), bareFigures.millis()));
                firstRunRatios.add(CaptureReport.ratio(e.firstMillis(), bareEncrypted.millis()));
            } else {
                otherScales.add("# s" + s + " (heap only): plain " + p.figures().millis() + " ms, encrypted "
                        + e.figures().millis() + " ms, heap peak plain "
                        + CaptureReport.decimals(p.figures().liveHeapMb(), 1) + " MB, encrypted "
                        + CaptureReport.decimals(e.figures().liveHeapMb(), 1) + " MB");
            }
        }
        RealisticReport realistic = null;
        String realisticName = null;
        long realisticRows = 0;
        if (!noRealistic) {
            RealisticDatabase rdb = RealisticDatabase.create(server, scale, err);
            AutoCloseable dropIt = () -> {
                rdb.drop();
                err.println("bench: dropped database " + rdb.name());
            };
            closers.push(dropIt);
            try {
                realisticName = rdb.name();
                realisticRows = rdb.rows();
                err.println("bench: warm-up read of " + rdb.name() + " (untimed) ...");
                bare.warmUp(rdb.spec());
                BareAlongside rBarePlain =
                        new BareAlongside(bare, rdb.spec(), bareArtifact, null, null, "realistic", err);
                BareAlongside rBareEnc =
                        new BareAlongside(bare, rdb.spec(), bareArtifact, keys, gnupgHome, "realistic", err);
                CaptureSeries.Result p = series.run(
                        "bench-realistic-s" + scale + "-plain",
                        rdb.location(),
                        false,
                        "realistic",
                        err,
                        rBarePlain,
                        runs);
                CaptureSeries.Result e = series.run(
                        "bench-realistic-s" + scale + "-encrypted",
                        rdb.location(),
                        true,
                        "realistic",
                        err,
                        rBareEnc,
                        runs);
                benchCpu.add(processCpu("realistic", p, e));
                machineCpu.add(machineCpu("realistic", rBarePlain, p, rBareEnc, e));
                BareFigures rBare = rBarePlain.figures();
                BareFigures rBareEncrypted = rBareEnc.figures();
                firstRunRatios.add(CaptureReport.ratio(p.firstMillis(), rBare.millis()));
                firstRunRatios.add(CaptureReport.ratio(e.firstMillis(), rBareEncrypted.millis()));
                realistic = new RealisticReport(rBare, rBareEncrypted, p.figures(), e.figures(), firstRunRatios);
            } finally {
                closers.remove(dropIt);
                try {
                    dropIt.close();
                } catch (Exception ex) {
                    err.println("warning: " + ex.getMessage());
                }
            }
        }
        CaptureReport report = new CaptureReport(scale, bareFigures, bareEncrypted, plain, encrypted, heap);
        long hashedMedian = CaptureReport.median(hashedMillis);

        out.println("# bulwark bench capture: pgbench scale " + scale + " (database " + PgbenchDatabase.name(scale)
                + ", " + scale * PgbenchDatabase.ACCOUNTS_PER_SCALE + " accounts, on " + server.displayUrl() + "), "
                + runs + " run(s) of each pipeline" + (runs > 1 ? "; the *_ms figures are medians" : ""));
        out.println("# pg_dump: " + pgDump + " (" + pgDumpVersion + "), the binary the dump-worker picks");
        out.println("# bare: bash -o pipefail -c '" + bare.display(PgbenchDatabase.name(scale), bareArtifact)
                + "' after one untimed warm-up read, one run right before each timed capture of ours (bare and ours"
                + " take turns, so that a drift of the machine weighs on both); the bare pipeline also writes its"
                + " artifact (a local file), like ours does (into the S3 server's folder)");
        out.println("# bare encrypted: bash -o pipefail -c '"
                + bare.displayEncrypted(PgbenchDatabase.name(scale), bareArtifact)
                + "'; ratio_encrypted and ratio_encrypted_realistic compare with it");
        out.println("# ours: the dump-worker jar (java " + String.join(" ", BenchDumpWorker.JVM_OPTIONS)
                + ", a fresh JVM per scale, dataset and mode; raw-sha256 " + rawSha256 + "), zstd level 3, from"
                + " publishing BackupRequested to receiving BackupCompleted; *_dump_ms is the event's own dumpMillis;"
                + " each worker makes one capture first (its first run, for ratio_first_run), then the timed runs;"
                + " before the first series a throwaway worker makes 3 untimed captures, so that the bench's own S3"
                + " server and Kafka broker (young JVM code, still being compiled) are as warm as a production one"
                + " when a worker's first run is timed");
        out.println(
                "# S3 server: S3Proxy in the bench's JVM, over HTTPS with a self-signed certificate the workers trust,"
                        + " as an S3 endpoint in production is; over plain HTTP the MinIO SDK signs each part's SHA-256 and"
                        + " S3Proxy buffers and hashes every part again, which cost about 1 s of CPU per 170 MB stored on 2"
                        + " cores");
        out.println("# encrypted: target encryption.recipients = a fresh OpenPGP key (" + OpenPgpKeyPair.USER_ID
                + ", gpg default algorithm)");
        out.println("# heap: the live heap, the largest heap left after the full collection that jcmd GC.run forces"
                + " after each capture, outside the timed window (from the worker's -Xlog:gc log from the moment it joined"
                + " its consumer group, so its start-up and warm-up left out; when jcmd is missing, the largest heap after"
                + " any collection); heap_mb_s<N> is the larger of the plain and encrypted series at scale N (MB = 2^20"
                + " bytes); on stderr: the largest heap after any collection during the captures (which also counts the"
                + " buffers in flight and old garbage a young collection leaves), the peak over the worker's whole life, and"
                + " the heap in use after each capture (garbage included, read from the worker's metrics endpoint between"
                + " captures, never during one)");
        if (realistic != null) {
            out.println("# realistic: database " + realisticName + " (" + realisticRows + " rows of text, JSON and"
                    + " numbers, compressing about 3:1; made for this run and dropped), the same pipelines;"
                    + " ratio_first_run is the median over the plain and encrypted series of both datasets of (first"
                    + " capture after the worker started) / (bare median): "
                    + realistic.firstRunRatios().stream()
                            .map(r -> CaptureReport.decimals(r, 3))
                            .toList());
        }
        if (runs > 1) {
            out.println("# runs (ms): bare " + bareFigures.wallMillis() + ", bare encrypted "
                    + bareEncrypted.wallMillis() + ", plain " + plain.wallMillis() + ", encrypted "
                    + encrypted.wallMillis()
                    + (realistic == null
                            ? ""
                            : "; realistic: bare " + realistic.bare().wallMillis() + ", bare encrypted "
                                    + realistic.bareEncrypted().wallMillis() + ", plain "
                                    + realistic.plain().wallMillis() + ", encrypted "
                                    + realistic.encrypted().wallMillis()));
        }
        otherScales.forEach(out::println);
        out.println(
                "# CPU of the dump-worker's JVM and of the bench's own JVM during one timed capture of ours (median;"
                        + " the S3 server and the Kafka broker run in the bench's, on the same cores, and the bare pipeline"
                        + " writes a local file instead): "
                        + String.join("; ", benchCpu));
        out.println("# CPU of the whole machine during one timed run (median; /proc/stat, all cores; when the cores are"
                + " all busy, wall time follows it): " + String.join("; ", machineCpu));
        out.println("# the same work by hand, hashing the raw dump as well (what bulwark.dump-worker.raw-sha256 adds):"
                + " bash -o pipefail -c '" + BarePipeline.HASHED_SCRIPT + "' took " + hashedMedian
                + " ms; plain/that = "
                + CaptureReport.decimals((double) plain.millis() / Math.max(1, hashedMedian), 3));
        if (!encrypted.artifactEncrypted()) {
            out.println("# NOTE: the artifact of the encrypted run is NOT encrypted (" + series.lastEncryptedArtifact()
                    + "): this dump-worker ignores bulwark.targets.<id>.encryption, so encrypted_ms measures a plain"
                    + " capture");
        }
        out.print(report.render());
        if (realistic != null) {
            out.print(realistic.render());
        }
    }

    /**
     * The workers' JVM options: trust in the bench's S3 server's certificate, then {@code --worker-jvm-option}s.
     */
    private List<String> workerJvmOptions(LoopbackTls tls) {
        List<String> options = new ArrayList<>(tls.clientJvmOptions());
        if (workerJvmOptions != null) {
            options.addAll(workerJvmOptions);
        }
        return options;
    }

    /** {@code <label> plain: worker X ms, bench Y ms; encrypted: ...} for the per-process CPU line. */
    private static String processCpu(String label, CaptureSeries.Result plain, CaptureSeries.Result encrypted) {
        return label + " plain: dump-worker " + plain.workerCpuMillis() + " ms, bench " + plain.benchCpuMillis()
                + " ms; encrypted: dump-worker " + encrypted.workerCpuMillis() + " ms, bench "
                + encrypted.benchCpuMillis() + " ms";
    }

    /** {@code <label> bare X ms, plain Y ms (Y/X); bare encrypted ..., encrypted ...} for the machine-CPU line. */
    private static String machineCpu(
            String label,
            BareAlongside bare,
            CaptureSeries.Result plain,
            BareAlongside bareEnc,
            CaptureSeries.Result encrypted) {
        return label + " bare " + bare.machineCpuMillis() + " ms, plain " + plain.machineCpuMillis() + " ms ("
                + CaptureReport.decimals((double) plain.machineCpuMillis() / Math.max(1, bare.machineCpuMillis()), 2)
                + "x), bare encrypted " + bareEnc.machineCpuMillis() + " ms, encrypted " + encrypted.machineCpuMillis()
                + " ms ("
                + CaptureReport.decimals(
                        (double) encrypted.machineCpuMillis() / Math.max(1, bareEnc.machineCpuMillis()), 2)
                + "x)";
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
        Path lastWorkerLog = series == null ? null : series.lastWorkerLog();
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
