package io.bulwark.localstack.bench;

import io.bulwark.localstack.BulwarkService;
import io.bulwark.localstack.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Starts the real verifier-service jar for the verify benchmark, as {@link BenchDumpWorker} starts the dump-worker:
 * the shared configuration file (the same storage), the broker, and the sandbox's work directory and PostgreSQL
 * binaries.
 */
final class BenchVerifier {

    /** The verifier's JVM options: those of the bench dump-worker. */
    static final List<String> JVM_OPTIONS = BenchDumpWorker.JVM_OPTIONS;

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private BenchVerifier() {}

    /**
     * The Spring Boot arguments.
     *
     * @param configFile the configuration file holding {@code bulwark.storage}
     * @param port the HTTP port
     * @param bootstrapServers the Kafka broker
     * @param sandboxDir where the verifier makes its sandboxes (traversable by OS user {@code postgres})
     * @param pgBinDir the PostgreSQL server binaries the sandbox uses
     */
    static List<String> arguments(Path configFile, int port, String bootstrapServers, Path sandboxDir, Path pgBinDir) {
        return List.of(
                "--spring.config.additional-location=file:" + configFile.toAbsolutePath(),
                "--server.port=" + port,
                "--spring.cloud.stream.kafka.binder.brokers=" + bootstrapServers,
                "--bulwark.verifier.sandbox.work-dir=" + sandboxDir.toAbsolutePath(),
                "--bulwark.verifier.sandbox.pg-bin-dir=" + pgBinDir.toAbsolutePath());
    }

    /**
     * Starts the verifier and waits until it reports UP.
     *
     * @param java the {@code java} executable
     * @param home the repository root holding the verifier-service jar
     * @param arguments {@link #arguments}
     * @param port the HTTP port named in {@code arguments}
     * @param logFile where its output goes
     * @return the running verifier; the caller closes it
     * @throws IllegalStateException when it exits or is not UP within 4 minutes, with its log's tail; it is stopped
     *     then
     */
    static ServiceProcess start(Path java, Path home, List<String> arguments, int port, Path logFile) {
        BulwarkService service = BulwarkService.VERIFIER;
        ServiceProcess p =
                ServiceProcess.start(service, java, service.jar(home), JVM_OPTIONS, arguments, Map.of(), port, logFile);
        try {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!p.isHealthy()) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(
                            "the verifier exited during start-up; log " + logFile + ":\n" + p.logTail(6000));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the verifier was not UP within " + START_TIMEOUT + "; log "
                            + logFile + ":\n" + p.logTail(6000));
                }
                Thread.sleep(250);
            }
            return p;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.close();
            throw new IllegalStateException("interrupted while starting the verifier", e);
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
    }
}
