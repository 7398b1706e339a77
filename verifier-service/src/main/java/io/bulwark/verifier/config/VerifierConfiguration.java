package io.bulwark.verifier.config;

import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.service.storage.StorageProperties;
import io.bulwark.verifier.adapter.sandbox.LocalPostgresSandboxProvider;
import io.bulwark.verifier.application.SandboxProvider;
import io.bulwark.verifier.application.VerificationPublisher;
import io.bulwark.verifier.application.VerifyBackup;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the verification use case to the object store, the local sandbox and the publisher. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StorageProperties.class, SandboxProperties.class})
public class VerifierConfiguration {

    @Bean
    ProcessRunner processRunner() {
        return new ProcessRunner();
    }

    @Bean
    ObjectStore objectStore(StorageProperties storage) {
        return new MinioObjectStore(storage.toSettings());
    }

    @Bean
    SandboxProvider sandboxProvider(SandboxProperties sandbox, ProcessRunner processRunner) {
        return new LocalPostgresSandboxProvider(
                sandbox.workDir(), sandbox.pgBinDir(), processRunner, sandbox.countTimeout());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    VerifyBackup verifyBackup(
            ObjectStore objectStore,
            SandboxProvider sandboxProvider,
            VerificationPublisher publisher,
            Clock clock,
            SandboxProperties sandbox) {
        return new VerifyBackup(objectStore, sandboxProvider, publisher, clock, sandbox.restoreTimeout());
    }
}
