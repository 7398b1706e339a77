package io.bulwark.verifier.config;

import io.bulwark.artifacts.ObjectStore;
import io.bulwark.engines.mariadb.MariaDbInspector;
import io.bulwark.engines.mariadb.MariaDbRestoreTool;
import io.bulwark.engines.postgres.PgRestoreTool;
import io.bulwark.engines.postgres.PostgresInspector;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.pipeline.ArtifactReader;
import io.bulwark.pipeline.CheckPipeline;
import io.bulwark.pipeline.DestinationPreparer;
import io.bulwark.pipeline.ProvenRestore;
import io.bulwark.pipeline.ReportStore;
import io.bulwark.pipeline.RestoreStep;
import io.bulwark.pipeline.StoredBackups;
import io.bulwark.pipeline.TrustedManifests;
import io.bulwark.service.secrets.SecretReader;
import io.bulwark.verifier.adapter.storage.ObjectStoreRestoreLedger;
import io.bulwark.verifier.application.InterruptedRestores;
import io.bulwark.verifier.application.RestoreBackup;
import io.bulwark.verifier.application.RestoreDestinations;
import io.bulwark.verifier.application.RestoreLedger;
import io.bulwark.verifier.application.RestoreOutcomes;
import io.bulwark.verifier.application.RestoreOwner;
import io.bulwark.verifier.application.RestorePublisher;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the restore use case: the pipeline's {@link ProvenRestore} over the destinations of {@code
 * bulwark.restore.destinations} and the targets' own servers, the ledger of running restores in the object store, the
 * sweep of interrupted ones, and the publisher of the restore events.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RestoreProperties.class, TargetServersProperties.class})
public class RestoreConfiguration {

    /** How long reading an archive's head (its table of contents) may take. */
    private static final Duration LISTING_TIMEOUT = Duration.ofMinutes(2);

    @Bean
    RestoreDestinations restoreDestinations(
            RestoreProperties restore,
            TargetServersProperties targets,
            SandboxProperties sandbox,
            ProcessRunner processRunner) {
        return new ConfiguredRestoreDestinations(
                restore,
                targets,
                new SecretReader(),
                new PgRestoreTool(processRunner, VerifierConfiguration.restoreBinDir(sandbox)),
                new PostgresInspector(sandbox.countTimeout()),
                new MariaDbRestoreTool(processRunner),
                new MariaDbInspector(sandbox.countTimeout()));
    }

    @Bean
    StoredBackups storedBackups(ObjectStore objectStore, ReportStore reportStore, TrustedManifests trustedManifests) {
        return new StoredBackups(objectStore, reportStore, trustedManifests);
    }

    @Bean
    ProvenRestore provenRestore(ArtifactReader artifactReader, Clock clock) {
        return new ProvenRestore(
                artifactReader, new RestoreStep(), new CheckPipeline(), new DestinationPreparer(clock), clock);
    }

    @Bean
    RestoreLedger restoreLedger(ObjectStore objectStore) {
        return new ObjectStoreRestoreLedger(objectStore);
    }

    @Bean
    RestoreOwner restoreOwner() {
        return RestoreOwner.current();
    }

    @Bean
    RestoreOutcomes restoreOutcomes(ReportStore reportStore, RestorePublisher publisher, Clock clock) {
        return new RestoreOutcomes(reportStore, publisher, clock);
    }

    @Bean
    InterruptedRestores interruptedRestores(
            RestoreLedger ledger,
            RestoreDestinations destinations,
            StoredBackups backups,
            RestoreOutcomes outcomes,
            Clock clock,
            RestoreProperties restore,
            RestoreOwner owner) {
        return new InterruptedRestores(
                ledger, destinations, backups, outcomes, clock, restore.heartbeatTimeout(), owner);
    }

    /** The timer of the restores' progress events; daemon threads, stopped with the context. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService restoreTimer() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "restore-progress");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    RestoreBackup restoreBackup(
            StoredBackups backups,
            RestoreDestinations destinations,
            ProvenRestore provenRestore,
            RestoreOutcomes outcomes,
            RestoreLedger ledger,
            InterruptedRestores interrupted,
            VerificationProperties verification,
            RestoreProperties restore,
            Clock clock,
            ScheduledExecutorService restoreTimer,
            RestoreOwner owner,
            RestorePublisher publisher) {
        return new RestoreBackup(
                backups,
                destinations,
                provenRestore,
                outcomes,
                ledger,
                interrupted,
                verification::forTarget,
                new RestoreBackup.Settings(
                        restore.timeout(), LISTING_TIMEOUT, restore.spoolDir(), restore.progressInterval()),
                clock,
                restoreTimer,
                owner,
                publisher);
    }
}
