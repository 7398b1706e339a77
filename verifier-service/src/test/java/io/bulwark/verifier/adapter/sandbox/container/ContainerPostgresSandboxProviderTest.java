package io.bulwark.verifier.adapter.sandbox.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.verifier.application.SandboxException;
import io.bulwark.verifier.application.SandboxProvider.SandboxRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerPostgresSandboxProviderTest {

    @Test
    void aPgRestoreOlderThanTheSourceRefusesBeforeAnyContainerStarts(@TempDir Path binDir) throws Exception {
        Path pgRestore = binDir.resolve("pg_restore");
        Files.writeString(pgRestore, "#!/bin/sh\necho 'pg_restore (PostgreSQL) 12.22'\n");
        Files.setPosixFilePermissions(pgRestore, PosixFilePermissions.fromString("rwxr-xr-x"));
        SandboxContainers containers = new SandboxContainers(Duration.ofSeconds(1), Clock.systemUTC());
        ContainerPostgresSandboxProvider provider = new ContainerPostgresSandboxProvider(
                containers, SandboxImages.DEFAULT, binDir, new ProcessRunner(), Duration.ofMinutes(1));

        assertThatThrownBy(() -> provider.start(new SandboxRequest("postgresql", "shop", "16.4")))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("pg_restore (PostgreSQL) 12.22 is older than the source's PostgreSQL 16.4")
                .hasMessageContaining("postgresql-client-16")
                .satisfies(e -> assertThat(((SandboxException) e).recurring())
                        .as("another attempt ends the same way")
                        .isTrue());
    }

    @Test
    void aMissingPgRestoreIsASandboxThatCannotStart(@TempDir Path binDir) {
        ContainerPostgresSandboxProvider provider = new ContainerPostgresSandboxProvider(
                new SandboxContainers(Duration.ofSeconds(1), Clock.systemUTC()),
                SandboxImages.DEFAULT,
                binDir,
                new ProcessRunner(),
                Duration.ofMinutes(1));

        assertThatThrownBy(() -> provider.start(new SandboxRequest("postgresql", "shop", "15.20")))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("this verifier's pg_restore, which cannot run");
    }
}
