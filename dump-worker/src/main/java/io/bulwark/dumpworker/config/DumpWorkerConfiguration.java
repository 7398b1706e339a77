package io.bulwark.dumpworker.config;

import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.dumpworker.application.EventPublisher;
import io.bulwark.dumpworker.application.PasswordResolver;
import io.bulwark.dumpworker.application.RunDump;
import io.bulwark.dumpworker.application.TargetCatalog;
import io.bulwark.dumpworker.domain.DumpTarget;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.service.storage.StorageProperties;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the object store, the targets, the process runner and the {@link RunDump} use case. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StorageProperties.class, TargetsProperties.class, DumpWorkerProperties.class})
public class DumpWorkerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DumpWorkerConfiguration.class);

    /** The object store; the bucket is created at start-up when the store is reachable. */
    @Bean
    public MinioObjectStore objectStore(StorageProperties storage) {
        MinioObjectStore store = new MinioObjectStore(storage.toSettings());
        try {
            store.ensureBucket();
        } catch (RuntimeException e) {
            log.warn(
                    "object store not ready at start-up ({}); backups fail as STORAGE_UNAVAILABLE until it is",
                    e.getMessage());
        }
        return store;
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

    @Bean
    public ProcessRunner processRunner() {
        return new ProcessRunner();
    }

    @Bean
    public RunDump runDump(
            TargetCatalog targets,
            PasswordResolver passwords,
            ObjectStore objectStore,
            ProcessRunner processRunner,
            EventPublisher publisher,
            DumpWorkerProperties properties) {
        return new RunDump(
                targets,
                passwords,
                objectStore,
                processRunner,
                publisher,
                Clock.systemUTC(),
                properties.pgDumpProgram(),
                properties.compressionLevel());
    }
}
