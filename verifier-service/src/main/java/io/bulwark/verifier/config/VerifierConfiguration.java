package io.bulwark.verifier.config;

import io.bulwark.artifacts.ManifestSigningKeys;
import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.postgres.LocalPostgresInstance;
import io.bulwark.engines.postgres.PostgresConnectionSpec;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.pipeline.ArtifactReader;
import io.bulwark.pipeline.DecryptionKeyring;
import io.bulwark.pipeline.ReportStore;
import io.bulwark.pipeline.TrustedManifests;
import io.bulwark.service.limits.LimitsProperties;
import io.bulwark.service.signing.ManifestSigningProperties;
import io.bulwark.service.storage.StorageProperties;
import io.bulwark.verifier.adapter.report.HtmlReportPages;
import io.bulwark.verifier.adapter.sandbox.EngineSandboxProvider;
import io.bulwark.verifier.adapter.sandbox.container.ContainerMariaDbSandboxProvider;
import io.bulwark.verifier.adapter.sandbox.container.ContainerPostgresSandboxProvider;
import io.bulwark.verifier.adapter.sandbox.container.SandboxContainers;
import io.bulwark.verifier.adapter.sandbox.local.LocalMariaDbSandboxProvider;
import io.bulwark.verifier.adapter.sandbox.local.LocalPostgresSandboxProvider;
import io.bulwark.verifier.adapter.sandbox.scratch.ScratchMariaDbSandboxProvider;
import io.bulwark.verifier.adapter.sandbox.scratch.ScratchPostgresSandboxProvider;
import io.bulwark.verifier.application.BoundedSandboxProvider;
import io.bulwark.verifier.application.RetryingVerification;
import io.bulwark.verifier.application.ReverifyBackup;
import io.bulwark.verifier.application.SandboxProvider;
import io.bulwark.verifier.application.VerificationPublisher;
import io.bulwark.verifier.application.VerifyBackup;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the verification use cases to the object store, the sandboxes of the configured kind, the decryption keys and
 * the publisher. {@link VerifyBackup} publishes nothing itself: {@link RetryingVerification} around it
 * verifies again while the result is ERROR and publishes the final result.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    StorageProperties.class,
    SandboxProperties.class,
    SandboxContainerLimitsProperties.class,
    DecryptionProperties.class,
    RetryProperties.class,
    VerificationProperties.class,
    ConcurrencyProperties.class,
    LimitsProperties.class,
    ManifestSigningProperties.class
})
public class VerifierConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VerifierConfiguration.class);

    @Bean
    ProcessRunner processRunner() {
        return new ProcessRunner();
    }

    @Bean
    ObjectStore objectStore(StorageProperties storage) {
        return new MinioObjectStore(storage.toSettings());
    }

    /**
     * Sandboxes of the configured kind ({@code bulwark.verifier.sandbox.kind}) for the source's engine: {@code local}
     * PostgreSQL and MariaDB, {@code container} PostgreSQL and MySQL/MariaDB images, or {@code scratch} for each
     * engine that has a scratch server; {@code auto} is {@code container} when a Docker engine answers, else {@code
     * local}.
     *
     * @throws IllegalStateException when the kind is {@code container} and no Docker engine answers
     */
    /** {@link #sandboxProvider(SandboxProperties, SandboxContainerLimitsProperties, ProcessRunner, Clock)} with the
     * default container limits. */
    EngineSandboxProvider sandboxProvider(SandboxProperties sandbox, ProcessRunner processRunner, Clock clock) {
        return sandboxProvider(
                sandbox, new SandboxContainerLimitsProperties(null, null, null, null), processRunner, clock);
    }

    @Bean
    EngineSandboxProvider sandboxProvider(
            SandboxProperties sandbox,
            SandboxContainerLimitsProperties containerLimits,
            ProcessRunner processRunner,
            Clock clock) {
        String kind = sandbox.kind();
        boolean docker = ("auto".equals(kind) || "container".equals(kind)) && SandboxContainers.dockerAvailable();
        if ("auto".equals(kind)) {
            kind = docker ? "container" : "local";
            log.info("bulwark.verifier.sandbox.kind is auto: {} sandboxes", kind);
        }
        if ("container".equals(kind)) {
            if (!docker) {
                throw new IllegalStateException("bulwark.verifier.sandbox.kind is container but no Docker engine"
                        + " answers (Testcontainers looked at DOCKER_HOST, ~/.testcontainers.properties and"
                        + " /var/run/docker.sock); give the verifier the Docker socket, or set the kind to local,"
                        + " scratch or auto");
            }
            SandboxProperties.Container container = sandbox.container();
            SandboxContainers containers =
                    new SandboxContainers(container.startupTimeout(), clock, containerLimits.spec());
            int reaped = containers.reapOrphans(container.orphanAge());
            if (reaped > 0) {
                log.info("removed {} sandbox containers left behind", reaped);
            }
            return new EngineSandboxProvider(
                    "container",
                    Map.of(
                            "postgresql",
                            new ContainerPostgresSandboxProvider(
                                    containers,
                                    container.images(),
                                    restoreBinDir(sandbox),
                                    processRunner,
                                    sandbox.countTimeout()),
                            "mariadb",
                            new ContainerMariaDbSandboxProvider(
                                    containers, container.images(), processRunner, sandbox.countTimeout())),
                    List.of(containers));
        }
        if ("scratch".equals(kind)) {
            Map<String, SandboxProvider> byEngine = new LinkedHashMap<>();
            SandboxProperties.Server pg = sandbox.scratch().postgresql();
            if (pg != null) {
                byEngine.put(
                        "postgresql",
                        new ScratchPostgresSandboxProvider(
                                new PostgresConnectionSpec(
                                        pg.host(), pg.portOr(5432), "postgres", pg.username(), pg.password()),
                                sandbox.pgBinDir(),
                                processRunner,
                                sandbox.countTimeout(),
                                sandbox.scratch().orphanAge(),
                                clock));
            }
            SandboxProperties.Server maria = sandbox.scratch().mariadb();
            if (maria != null) {
                byEngine.put(
                        "mariadb",
                        new ScratchMariaDbSandboxProvider(
                                new ConnectionSpec(
                                        maria.host(), maria.portOr(3306), "mysql", maria.username(), maria.password()),
                                processRunner,
                                sandbox.countTimeout(),
                                sandbox.scratch().orphanAge(),
                                clock));
            }
            return new EngineSandboxProvider("scratch", byEngine);
        }
        return new EngineSandboxProvider(
                "local",
                Map.of(
                        "postgresql",
                        new LocalPostgresSandboxProvider(
                                sandbox.workDir(),
                                sandbox.pgBinDir(),
                                processRunner,
                                sandbox.countTimeout(),
                                sandbox.osUser(),
                                sandbox.postgres().restoreRole() == SandboxProperties.RestoreRole.UNPRIVILEGED),
                        "mariadb",
                        new LocalMariaDbSandboxProvider(
                                sandbox.workDir(),
                                sandbox.mariadbBinDir(),
                                processRunner,
                                sandbox.countTimeout(),
                                sandbox.osUser())));
    }

    /** The configured PostgreSQL bin dir, else the one local sandboxes would use, else null (the {@code PATH}). */
    static Path restoreBinDir(SandboxProperties sandbox) {
        try {
            return LocalPostgresInstance.findBinDir(sandbox.pgBinDir());
        } catch (RuntimeException e) {
            return sandbox.pgBinDir();
        }
    }

    @Bean
    ConfiguredDecryptionKeyring decryptionKeyring(DecryptionProperties decryption) {
        return new ConfiguredDecryptionKeyring(decryption);
    }

    /** Checked once, at start-up: does the ring open what each target's dump-worker writes now? */
    @Bean
    KeyRingCoverage keyRingCoverage(ConfiguredDecryptionKeyring decryptionKeyring, DecryptionProperties decryption) {
        return KeyRingCoverage.check(decryptionKeyring.secretKeys(), decryption);
    }

    /** {@code /actuator/health/keyRing}. */
    @Bean
    HealthIndicator keyRingHealthIndicator(KeyRingCoverage keyRingCoverage) {
        return new KeyRingHealthIndicator(keyRingCoverage);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ReportStore reportStore(ObjectStore objectStore, LimitsProperties limits) {
        return new ReportStore(
                objectStore, new HtmlReportPages(), limits.reportSize().toBytes());
    }

    /**
     * Manifests read within their backup's prefix, of at most {@code bulwark.limits.manifest-size}, encrypted when
     * {@code bulwark.targets.<id>.encryption.required}, signed by a key of {@code bulwark.manifest-signing} when one is
     * configured.
     *
     * @throws IllegalArgumentException naming the property when a signing key cannot be read
     */
    @Bean
    TrustedManifests trustedManifests(
            ObjectStore objectStore,
            LimitsProperties limits,
            DecryptionProperties decryption,
            ManifestSigningProperties signing) {
        ManifestSigningKeys keys = signing.toKeys();
        if (keys == null) {
            log.warn("bulwark.manifest-signing is not configured: manifests are trusted without a signature");
        }
        return new TrustedManifests(objectStore, limits.manifestSize().toBytes(), decryption::encryptionRequired, keys);
    }

    @Bean
    ArtifactReader artifactReader(ObjectStore objectStore, DecryptionKeyring decryptionKeyring) {
        return new ArtifactReader(objectStore, decryptionKeyring);
    }

    /**
     * The sandboxes the verifications get: those of {@link #sandboxProvider}, at most {@code
     * bulwark.verifier.max-concurrent-sandboxes} alive at once.
     */
    @Bean
    BoundedSandboxProvider boundedSandboxProvider(
            EngineSandboxProvider sandboxProvider, ConcurrencyProperties concurrency) {
        return new BoundedSandboxProvider(sandboxProvider, concurrency.maxConcurrentSandboxes());
    }

    /** One attempt; the publisher drops the result, which {@link #retryingVerification} publishes. */
    @Bean
    VerifyBackup verifyBackup(
            TrustedManifests trustedManifests,
            ArtifactReader artifactReader,
            ReportStore reportStore,
            BoundedSandboxProvider boundedSandboxProvider,
            Clock clock,
            SandboxProperties sandbox,
            VerificationProperties verification) {
        return new VerifyBackup(
                trustedManifests,
                artifactReader,
                reportStore,
                boundedSandboxProvider,
                attempt -> {},
                clock,
                sandbox.restoreTimeout(),
                verification::forTarget);
    }

    @Bean
    RetryingVerification retryingVerification(
            VerifyBackup verifyBackup, VerificationPublisher publisher, RetryProperties retry) {
        return new RetryingVerification(
                verifyBackup::attempt, publisher, retry.attempts(), retry.initialBackoff(), retry.maxBackoff());
    }

    @Bean
    ReverifyBackup reverifyBackup(TrustedManifests trustedManifests, RetryingVerification retryingVerification) {
        return new ReverifyBackup(trustedManifests, retryingVerification);
    }
}
