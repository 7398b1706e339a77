package io.bulwark.localstack.bench;

import io.bulwark.contracts.ArtifactRef;
import io.bulwark.embedded.FreePorts;
import io.bulwark.localstack.ConfigFile;
import io.bulwark.localstack.PostgresLocation;
import io.bulwark.localstack.ServiceProcess;
import io.bulwark.localstack.Stack;
import io.bulwark.localstack.bench.CaptureClient.Captured;
import io.bulwark.localstack.bench.CaptureReport.WorkerFigures;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The dump-worker side of the capture benchmark: each {@link #run} starts a fresh dump-worker JVM for one target (a
 * scale or dataset, plain or encrypted), has it capture once (its first run after start) and then a number of timed
 * times through {@link CaptureClient}, measures wall time, CPU (the worker's, the bench JVM's, the whole machine's) and
 * the worker's heap (forcing one full collection after each capture, outside the timed window, so that its GC log
 * always shows the live heap), and stops it. Not thread-safe: one series at a time.
 */
final class CaptureSeries {

    /** How long the forced collection between two captures ({@link WorkerGc}) may take. */
    private static final Duration GC_TIMEOUT = Duration.ofSeconds(30);

    /**
     * How the workers are started.
     *
     * @param root the Bulwark home (where the dump-worker jar is)
     * @param work the bench's working folder (configs and logs go under it)
     * @param workerJvmOptions the JVM options of every worker (empty for none), e.g. the S3 server's trust store and
     *     {@code -XX:StartFlightRecording=...}
     * @param rawSha256 runs the workers with {@code bulwark.dump-worker.raw-sha256=true}
     * @param timeout how long one capture may take
     */
    record Options(Path root, Path work, List<String> workerJvmOptions, boolean rawSha256, Duration timeout) {
        Options {
            workerJvmOptions = List.copyOf(workerJvmOptions);
        }
    }

    private final Options options;
    private final ConfigFile.Storage storage;
    private final Path passwordFile;
    private final OpenPgpKeyPair keys;
    private final String bootstrapServers;
    private final CaptureClient client;
    private final Deque<AutoCloseable> closers;
    private volatile Path lastWorkerLog;
    private String lastEncryptedArtifact;

    /**
     * @param storage the bench's S3 server, as the workers' configuration names it
     * @param passwordFile the source's password file, or null for none
     * @param keys the bench's OpenPGP key pair (encrypted series encrypt to its public key)
     * @param bootstrapServers the bench's Kafka broker
     * @param client publishes requests and awaits the answers
     * @param closers where a started worker is registered until it stops, so that a shutdown hook can stop it
     */
    CaptureSeries(
            Options options,
            ConfigFile.Storage storage,
            Path passwordFile,
            OpenPgpKeyPair keys,
            String bootstrapServers,
            CaptureClient client,
            Deque<AutoCloseable> closers) {
        this.options = options;
        this.storage = storage;
        this.passwordFile = passwordFile;
        this.keys = keys;
        this.bootstrapServers = bootstrapServers;
        this.client = client;
        this.closers = closers;
    }

    /** The log of the worker started last, or null before the first. */
    Path lastWorkerLog() {
        return lastWorkerLog;
    }

    /** The key and codecs of the last encrypted series' artifact, for the report's note when it was not encrypted. */
    String lastEncryptedArtifact() {
        return lastEncryptedArtifact;
    }

    /**
     * Starts a fresh dump-worker backing up {@code db} as target {@code targetId}, captures once (its first run),
     * then {@code timedRuns} times, each right after {@code beforeEachTimedRun} (a bare run, or null for none), and
     * stops it.
     */
    Result run(
            String targetId,
            PostgresLocation db,
            boolean encrypt,
            String label,
            PrintStream err,
            Runnable beforeEachTimedRun,
            int timedRuns) {
        String mode = encrypt ? "encrypted" : "plain";
        ConfigFile.Target target =
                CaptureBenchCommand.benchTarget(targetId, db, encrypt, passwordFile, keys.publicKey());
        Path config = ConfigFile.write(
                options.work().resolve("config").resolve(targetId + ".yml"), storage, List.of(target), null);
        int port = FreePorts.next();
        lastWorkerLog = options.work().resolve("logs").resolve("dump-worker-" + targetId + ".log");
        err.println("bench: starting the dump-worker for target " + targetId + " (log " + lastWorkerLog + ") ...");
        Path gcLog = options.work().resolve("logs").resolve("gc-" + targetId + ".log");
        List<String> arguments = options.rawSha256() ? List.of("--bulwark.dump-worker.raw-sha256=true") : List.of();
        ServiceProcess worker = BenchDumpWorker.start(
                Stack.javaExecutable(),
                options.root(),
                config,
                port,
                bootstrapServers,
                lastWorkerLog,
                gcLog,
                options.workerJvmOptions(),
                arguments);
        closers.push(worker);
        try {
            client.awaitWorkerReady(Duration.ofMinutes(5));
            ProcessHandle workerProcess = ProcessHandle.of(worker.pid())
                    .orElseThrow(() -> new IllegalStateException("the dump-worker has exited"));
            double readyUptimeSeconds = workerProcess
                    .info()
                    .startInstant()
                    .map(start -> Duration.between(start, Instant.now()).toMillis() / 1000.0)
                    .orElse(0.0);
            List<Long> wall = new ArrayList<>();
            List<Long> dump = new ArrayList<>();
            List<Long> benchCpu = new ArrayList<>();
            List<Long> machineCpu = new ArrayList<>();
            List<Long> workerCpu = new ArrayList<>();
            long firstMillis = -1;
            long heapAfterBytes = -1;
            Captured last = null;
            HeapSampler heap = new HeapSampler(port, BenchDumpWorker.METRICS_TOKEN);
            WorkerGc gc = new WorkerGc(Stack.javaExecutable(), GC_TIMEOUT);
            for (int i = 0; i <= timedRuns; i++) {
                if (i > 0 && beforeEachTimedRun != null) {
                    beforeEachTimedRun.run();
                }
                long cpuBefore = benchCpuMillis();
                long machineBefore = MachineCpu.busyMillis();
                long workerBefore = cpuMillis(workerProcess);
                last = client.capture(targetId, options.timeout());
                long workerMillis = cpuMillis(workerProcess) - workerBefore;
                long cpuMillis = benchCpuMillis() - cpuBefore;
                long machineMillis = MachineCpu.busyMillis() - machineBefore;
                long heapBytes = heap.sampleOnce();
                heapAfterBytes = Math.max(heapAfterBytes, heapBytes);
                // outside the timed window: one full collection per capture, so the GC log always has the live heap
                String notCollected = gc.collect(worker.pid());
                if (notCollected != null) {
                    err.println("bench: no forced collection after this capture (" + notCollected
                            + "); the live heap counts only the collections the captures caused");
                }
                if (i == 0) {
                    firstMillis = last.wallMillis();
                } else {
                    wall.add(last.wallMillis());
                    dump.add(last.completed().dumpMillis());
                    benchCpu.add(cpuMillis);
                    machineCpu.add(machineMillis);
                    workerCpu.add(workerMillis);
                }
                ArtifactRef a = last.completed().artifact();
                err.println("bench: " + label + " " + mode + (i == 0 ? " first run" : " run " + i + "/" + timedRuns)
                        + ": " + last.wallMillis() + " ms (dumpMillis "
                        + last.completed().dumpMillis() + "), "
                        + a.storedBytes() + " bytes stored as " + a.key() + " " + a.codecs() + ", heap in use"
                        + " after it " + CaptureReport.decimals(HeapSampler.mb(heapBytes), 1) + " MB, "
                        + "CPU " + workerMillis + " ms in the worker, " + cpuMillis + " ms in the bench's own JVM, "
                        + machineMillis + " ms on the machine");
            }
            ArtifactRef artifact = last.completed().artifact();
            if (encrypt) {
                lastEncryptedArtifact = artifact.key() + ", codecs " + artifact.codecs();
            }
            long retainedMb = GcLog.retainedAfterForcedGcMb(gcLog, readyUptimeSeconds);
            long peakMb = GcLog.peakAfterGcMb(gcLog, readyUptimeSeconds);
            long liveMb = GcLog.liveHeapMb(retainedMb, peakMb);
            err.println("bench: " + label + " " + mode + ": heap in use after a capture at most "
                    + CaptureReport.decimals(HeapSampler.mb(heapAfterBytes), 1) + " MB, retained after the forced full"
                    + " collections at most " + retainedMb + " MB, after any collection during the captures at most "
                    + peakMb + " MB, " + GcLog.peakAfterGcMb(gcLog)
                    + " MB over the worker's life (start-up and warm-up included)");
            return new Result(
                    new WorkerFigures(
                            wall, dump, artifact.storedBytes(), liveMb, CaptureBenchCommand.isEncrypted(artifact)),
                    firstMillis,
                    CaptureReport.median(benchCpu),
                    CaptureReport.median(workerCpu),
                    CaptureReport.median(machineCpu));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the dump-worker's GC log", e);
        } finally {
            closers.remove(worker);
            worker.close();
        }
    }

    /**
     * What one dump-worker series measured.
     *
     * @param figures the timed captures (after the first)
     * @param firstMillis the wall-clock milliseconds of the first capture after the worker started
     * @param benchCpuMillis the median CPU milliseconds the bench's own JVM (S3 server, Kafka broker, client) used
     *     during one timed capture
     * @param workerCpuMillis the median CPU milliseconds the dump-worker's JVM used during one timed capture
     * @param machineCpuMillis the median CPU milliseconds the whole machine was busy during one timed capture ({@link
     *     MachineCpu}): the dump-worker, pg_dump, the PostgreSQL backends and the bench's own JVM together
     */
    record Result(
            WorkerFigures figures,
            long firstMillis,
            long benchCpuMillis,
            long workerCpuMillis,
            long machineCpuMillis) {}

    /**
     * CPU time this JVM has used so far, in milliseconds: the S3 server and the Kafka broker run in it, so a capture's
     * share of the machine that the bare pipeline (writing a local file) does not pay shows here.
     *
     * @throws IllegalStateException when the platform does not report it
     */
    static long benchCpuMillis() {
        return cpuMillis(ProcessHandle.current());
    }

    /**
     * CPU time {@code process} has used so far, in milliseconds.
     *
     * @throws IllegalStateException when the platform does not report it (or the process has ended)
     */
    static long cpuMillis(ProcessHandle process) {
        return process.info()
                .totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this platform reports no CPU time of a process"))
                .toMillis();
    }
}
