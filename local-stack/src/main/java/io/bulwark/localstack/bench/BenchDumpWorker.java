package io.bulwark.localstack.bench;

import io.bulwark.localstack.ApiToken;
import io.bulwark.localstack.BulwarkService;
import io.bulwark.localstack.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Starts the real dump-worker jar for a benchmark, as the local stack starts its services ({@link ServiceProcess}),
 * with the heap the benchmark holds it to and its metrics endpoint exposed for {@link HeapSampler}.
 */
final class BenchDumpWorker {

    /**
     * The garbage collector the dump-worker runs with in production (the {@code JVM_OPTIONS} build argument of its image
     * in {@code docker-compose.yml}): the throughput collector. A capture allocates large short-lived buffers (the MinIO
     * SDK grows each part's buffer up to the part size); under G1, the JVM's default on two or more cores, each of them
     * is a humongous allocation, which starts a concurrent cycle and a remark pause per capture. Source: the HotSpot
     * Garbage Collection Tuning Guide, "Selecting a Collector" (peak throughput first, no pause-time requirement: the
     * parallel collector).
     */
    static final String GARBAGE_COLLECTOR = "-XX:+UseParallelGC";

    /** The worker's JVM options: the 256 MB heap the memory goal is about and its production collector. */
    static final List<String> JVM_OPTIONS = List.of(
            "-Xmx256m",
            GARBAGE_COLLECTOR,
            "--sun-misc-unsafe-memory-access=allow",
            "--enable-native-access=ALL-UNNAMED");

    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    /**
     * The viewer's API token the bench reads the worker's metrics endpoint with: random per bench run, handed to the
     * worker only as its SHA-256 ({@code bulwark.security.tokens[0].sha256}).
     */
    static final String METRICS_TOKEN = ApiToken.generate();

    private BenchDumpWorker() {}

    /**
     * The Spring Boot arguments: the configuration file, the port, the broker, and the actuator exposing {@code
     * metrics} next to {@code health,info}.
     */
    static List<String> arguments(Path configFile, int port, String bootstrapServers) {
        return List.of(
                "--spring.config.additional-location=file:" + configFile.toAbsolutePath(),
                "--server.port=" + port,
                "--spring.cloud.stream.kafka.binder.brokers=" + bootstrapServers,
                "--management.endpoints.web.exposure.include=health,info,metrics",
                "--bulwark.security.tokens[0].name=bench",
                "--bulwark.security.tokens[0].role=viewer",
                "--bulwark.security.tokens[0].sha256=" + ApiToken.sha256Hex(METRICS_TOKEN),
                // one capture at a time: one consumer thread, the only member of its group
                "--bulwark.dump-worker.concurrency=1");
    }

    /**
     * Starts the dump-worker and waits until it reports UP and answers on its metrics endpoint.
     *
     * @param java the {@code java} executable
     * @param home the repository root holding {@code dump-worker/target/dump-worker-0.1.0-SNAPSHOT-exec.jar}
     * @param configFile the shared configuration file naming the bench target
     * @param port the HTTP port
     * @param bootstrapServers the Kafka broker
     * @param logFile where its output goes
     * @param gcLog where its garbage-collection log goes ({@link GcLog})
     * @param moreJvmOptions JVM options after {@link #JVM_OPTIONS}
     * @param moreArguments Spring Boot arguments after {@link #arguments}
     * @return the running worker; the caller closes it
     * @throws IllegalStateException when it exits or is not UP within 10 minutes (a loaded machine starts it
     *     slowly), with its log's tail; the worker is stopped then
     */
    static ServiceProcess start(
            Path java,
            Path home,
            Path configFile,
            int port,
            String bootstrapServers,
            Path logFile,
            Path gcLog,
            List<String> moreJvmOptions,
            List<String> moreArguments) {
        BulwarkService service = BulwarkService.DUMP_WORKER;
        List<String> jvmOptions = new java.util.ArrayList<>(JVM_OPTIONS);
        jvmOptions.add(GcLog.option(gcLog));
        jvmOptions.addAll(moreJvmOptions);
        List<String> arguments = new java.util.ArrayList<>(arguments(configFile, port, bootstrapServers));
        arguments.addAll(moreArguments);
        ServiceProcess p =
                ServiceProcess.start(service, java, service.jar(home), jvmOptions, arguments, Map.of(), port, logFile);
        try {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!p.isHealthy()) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(
                            "the dump-worker exited during start-up; log " + logFile + ":\n" + p.logTail(6000));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the dump-worker was not UP within " + START_TIMEOUT + "; log "
                            + logFile + ":\n" + p.logTail(6000));
                }
                Thread.sleep(250);
            }
            new HeapSampler(port, METRICS_TOKEN).sampleOnce();
            return p;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.close();
            throw new IllegalStateException("interrupted while starting the dump-worker", e);
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
    }
}
