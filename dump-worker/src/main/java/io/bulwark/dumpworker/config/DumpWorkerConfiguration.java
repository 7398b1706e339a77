package io.bulwark.dumpworker.config;

import io.bulwark.artifacts.ManifestSigningKeys;
import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.dumpworker.adapter.storage.ObjectStoreAttemptLedger;
import io.bulwark.dumpworker.adapter.storage.ResilientObjectStore;
import io.bulwark.dumpworker.application.AttemptLedger;
import io.bulwark.dumpworker.application.CaptureWarmUp;
import io.bulwark.dumpworker.application.EventPublisher;
import io.bulwark.dumpworker.application.PasswordResolver;
import io.bulwark.dumpworker.application.RejectRequest;
import io.bulwark.dumpworker.application.RunDump;
import io.bulwark.dumpworker.application.StorageResilience;
import io.bulwark.dumpworker.application.TargetCatalog;
import io.bulwark.dumpworker.application.UploadWarmUp;
import io.bulwark.dumpworker.domain.DumpTarget;
import io.bulwark.engines.DumpEngine;
import io.bulwark.engines.mariadb.MariaDbDumpTool;
import io.bulwark.engines.postgres.PgDumpTool;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.service.signing.ManifestSigningProperties;
import io.bulwark.service.storage.StorageProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the object store (behind its circuit breaker), the targets, the dump engines, the process
 * runner and the {@link RunDump} use case.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    StorageProperties.class,
    TargetsProperties.class,
    DumpWorkerProperties.class,
    ManifestSigningProperties.class
})
public class DumpWorkerConfiguration {

    /** How long the start waits for the upload warm-up: 30 s. */
    static final Duration UPLOAD_WARM_UP_WAIT = Duration.ofSeconds(30);

    /** How long the request consumer waits for the JIT compilers to settle: 10 s. */
    static final Duration COMPILER_SETTLE_MAX = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(DumpWorkerConfiguration.class);

    /**
     * The MinIO-SDK store; at start-up the bucket is created and incomplete multipart uploads older than
     * {@code bulwark.dump-worker.stale-upload-age} (left by a worker killed mid-upload) are aborted, when
     * the store is reachable.
     */
    @Bean
    public MinioObjectStore minioObjectStore(StorageProperties storage, DumpWorkerProperties worker) {
        MinioObjectStore store = new MinioObjectStore(storage.toSettings());
        try {
            store.ensureBucket();
            int aborted = store.abortIncompleteUploads("", worker.staleUploadAge());
            if (aborted > 0) {
                log.info("aborted {} incomplete upload(s) older than {}", aborted, worker.staleUploadAge());
            }
        } catch (RuntimeException e) {
            log.warn(
                    "object store not ready at start-up ({}); backups wait for it, however long it stays away",
                    e.getMessage());
        }
        return store;
    }

    /**
     * The object store's circuit breaker. It turns half-open on its own once {@code open-duration} has passed: {@link
     * StorageResilience#permitsCalls()} only reads its state and starts no call while it is open, so a breaker that
     * waited for a call to turn half-open would stay open, and every backup would keep waiting, long after the store
     * came back.
     */
    @Bean
    public CircuitBreaker objectStoreCircuitBreaker(DumpWorkerProperties worker) {
        DumpWorkerProperties.Storage s = worker.storage();
        return CircuitBreaker.of(
                "object-store",
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(s.failureRateThreshold())
                        .minimumNumberOfCalls(s.minimumCalls())
                        .slidingWindowSize(Math.max(s.minimumCalls(), 10))
                        .waitDurationInOpenState(s.openDuration())
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .automaticTransitionFromOpenToHalfOpenEnabled(true)
                        .build());
    }

    /** The store every use case talks to: the MinIO store behind the circuit breaker. */
    @Bean
    public ObjectStore objectStore(MinioObjectStore minio, CircuitBreaker objectStoreCircuitBreaker) {
        return new ResilientObjectStore(minio, objectStoreCircuitBreaker);
    }

    @Bean
    public StorageResilience storageResilience(CircuitBreaker objectStoreCircuitBreaker, DumpWorkerProperties worker) {
        DumpWorkerProperties.Storage s = worker.storage();
        return new StorageResilience(objectStoreCircuitBreaker, s.retryAttempts(), s.initialBackoff(), s.maxBackoff());
    }

    @Bean
    public TargetCatalog targetCatalog(TargetsProperties targets) {
        Map<String, DumpTarget> byId = targets.toDumpTargets();
        log.info("dump-worker knows {} target(s): {}", byId.size(), byId.keySet());
        return id -> Optional.ofNullable(id).map(byId::get);
    }

    @Bean
    public PasswordResolver passwordResolver() {
        return new EnvironmentPasswordResolver();
    }

    /** Runs every dump tool; on shutdown, kills those still running with their children. */
    @Bean(destroyMethod = "close")
    public ProcessRunner processRunner() {
        return new ProcessRunner();
    }

    @Bean
    public AttemptLedger attemptLedger(ObjectStore objectStore) {
        return new ObjectStoreAttemptLedger(objectStore);
    }

    @Bean
    public RejectRequest rejectRequest(EventPublisher publisher) {
        return new RejectRequest(publisher, Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    public RunDump runDump(
            TargetCatalog targets,
            PasswordResolver passwords,
            ObjectStore objectStore,
            ProcessRunner processRunner,
            EventPublisher publisher,
            AttemptLedger attemptLedger,
            StorageResilience storageResilience,
            StorageProperties storage,
            DumpWorkerProperties properties,
            ManifestSigningProperties manifestSigning) {
        List<DumpEngine> engines = List.of(
                new PgDumpTool(processRunner, properties.pgDumpProgram(), Duration.ofHours(6)),
                new MariaDbDumpTool(processRunner, properties.mariadbDumpProgram()));
        return new RunDump(
                targets,
                passwords,
                objectStore,
                engines.stream().collect(Collectors.toMap(DumpEngine::engine, Function.identity())),
                publisher,
                attemptLedger,
                storageResilience,
                Clock.systemUTC(),
                new RunDump.Settings(
                        properties.compressionLevel(),
                        properties.maxAttempts(),
                        properties.progressInterval(),
                        captureBufferBytes(storage.toSettings().partSizeBytes()),
                        properties.rawSha256()),
                signingKeys(manifestSigning));
    }

    /**
     * Warms the capture path ({@link CaptureWarmUp}) for the configured targets' codec chains, then the upload path
     * ({@link UploadWarmUp}, on the plain store: its aborted uploads are failures on purpose, which the circuit breaker
     * must not count), once every bean exists, which is before the Kafka bindings start, so that the worker joins its
     * consumer group warm; nothing when {@code bulwark.dump-worker.warm-up} is false. The upload warm-up is waited for
     * at most {@link #UPLOAD_WARM_UP_WAIT}, so that a store that hangs does not hold up the start.
     */
    @Bean
    public SmartInitializingSingleton captureWarmUp(
            RunDump runDump, TargetsProperties targets, DumpWorkerProperties properties, MinioObjectStore minio) {
        return () -> {
            if (properties.warmUp()) {
                new CaptureWarmUp(
                                runDump::codecChain,
                                captureBufferBytes(minio.settings().partSizeBytes()))
                        .run(targets.toDumpTargets().values());
                Thread upload = Thread.ofPlatform()
                        .daemon()
                        .name("bulwark-upload-warm-up")
                        .start(() -> new UploadWarmUp(minio, minio.settings().partSizeBytes()).run());
                try {
                    if (!upload.join(UPLOAD_WARM_UP_WAIT)) {
                        log.info(
                                "the upload warm-up still runs after {}; the worker starts without waiting for it",
                                UPLOAD_WARM_UP_WAIT);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    /**
     * Starts the request consumer once the application is ready and the JIT compilers have settled ({@link
     * CompilerSettle}), at most {@link #COMPILER_SETTLE_MAX} later; as soon as it is ready when {@code
     * bulwark.dump-worker.warm-up} is false.
     */
    @Bean
    public CompilerSettle compilerSettle(
            ApplicationContext context, BindingsLifecycleController bindings, DumpWorkerProperties properties) {
        return new CompilerSettle(context, bindings, compilerSettleMax(properties));
    }

    /** The {@code requestConsumer} health indicator: whether the request consumer has started ({@link CompilerSettle}). */
    @Bean
    public HealthIndicator requestConsumerHealthIndicator(CompilerSettle settle) {
        return new RequestConsumerHealthIndicator(settle);
    }

    private static Duration compilerSettleMax(DumpWorkerProperties properties) {
        return properties.warmUp() ? COMPILER_SETTLE_MAX : Duration.ZERO;
    }

    private static int captureBufferBytes(long partSizeBytes) {
        return (int) Math.min(Integer.MAX_VALUE, partSizeBytes);
    }

    /**
     * The keys that sign manifests ({@code bulwark.manifest-signing.*}), or null (unsigned, logged as a warning).
     *
     * @throws IllegalArgumentException naming the property when a key cannot be read, or only retired keys are named
     */
    static ManifestSigningKeys signingKeys(ManifestSigningProperties properties) {
        ManifestSigningKeys keys = properties.toKeys();
        if (keys == null) {
            log.warn("bulwark.manifest-signing is not configured: manifests are written unsigned");
            return null;
        }
        if (!keys.canSign()) {
            throw new IllegalArgumentException(
                    "bulwark.manifest-signing: the dump-worker signs, so it needs key-file or key-env, not only"
                            + " retired-key-files");
        }
        return keys;
    }
}
