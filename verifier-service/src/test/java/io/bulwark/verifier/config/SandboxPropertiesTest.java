package io.bulwark.verifier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.verifier.adapter.sandbox.EngineSandboxProvider;
import io.bulwark.verifier.adapter.sandbox.container.SandboxContainers;
import io.bulwark.verifier.application.SandboxException;
import io.bulwark.verifier.application.SandboxProvider;
import io.bulwark.verifier.application.SandboxProvider.SandboxRequest;
import io.bulwark.verifier.config.SandboxProperties.Scratch;
import io.bulwark.verifier.config.SandboxProperties.Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxPropertiesTest {

    private static SandboxProperties properties(String kind, Scratch scratch) {
        return new SandboxProperties(
                null, null, null, Duration.ofHours(6), Duration.ofHours(1), kind, scratch, null, null, null);
    }

    @Test
    void theKindIsLocalByDefaultAndTheOrphanAgeSixHours() {
        SandboxProperties sandbox = properties(null, null);

        assertThat(sandbox.kind()).isEqualTo("local");
        assertThat(sandbox.scratch().orphanAge()).isEqualTo(Duration.ofHours(6));
        assertThat(sandbox.scratch().postgresql()).isNull();
    }

    @Test
    void anUnknownKindOrScratchWithoutAServerIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> properties("vm", null))
                .hasMessageContaining("bulwark.verifier.sandbox.kind")
                .hasMessageContaining("local, container, scratch or auto");
        assertThatThrownBy(() -> properties("scratch", null)).hasMessageContaining("scratch.postgresql.host");
    }

    @Test
    void containerSandboxesRunTheOfficialImagesOfTheSourcesSeriesByDefault() {
        SandboxProperties sandbox = properties("container", null);

        assertThat(sandbox.container().images().imageFor("postgresql", "15.20")).isEqualTo("postgres:15");
        assertThat(sandbox.container().images().imageFor("mariadb", "10.11.14-MariaDB-0+deb12u2"))
                .isEqualTo("mariadb:10.11");
        assertThat(sandbox.container().startupTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(sandbox.container().orphanAge()).isEqualTo(Duration.ofHours(12));
        assertThatThrownBy(() -> new SandboxProperties.Container(null, null, null, Duration.ZERO, null))
                .hasMessageContaining("bulwark.verifier.sandbox.container.startup-timeout");
    }

    @Test
    void kindAutoIsContainerWhereADockerEngineAnswersElseLocal() {
        try (EngineSandboxProvider provider = new VerifierConfiguration()
                .sandboxProvider(properties("auto", null), new ProcessRunner(), Clock.systemUTC())) {
            assertThat(provider.kind()).isEqualTo(SandboxContainers.dockerAvailable() ? "container" : "local");
        }
    }

    @Test
    void kindContainerWithoutADockerEngineFailsAtStartUpSayingWhatToDo() {
        assumeFalse(SandboxContainers.dockerAvailable(), "a Docker engine answers here");

        assertThatThrownBy(() -> new VerifierConfiguration()
                        .sandboxProvider(properties("container", null), new ProcessRunner(), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine answers")
                .hasMessageContaining("Docker socket");
    }

    @Test
    void thePasswordIsReadFromTheFilesFirstLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "s3cret\nignored\n");

        assertThat(new Server("db", null, "u", null, file).password()).isEqualTo("s3cret");
        assertThat(new Server("db", null, "u", null, null).password()).isNull();
        assertThatThrownBy(() -> new Server("db", null, "u", "BULWARK_NO_SUCH_VARIABLE_X", null).password())
                .hasMessageContaining("BULWARK_NO_SUCH_VARIABLE_X");
    }

    @Test
    void kindScratchWiresAScratchProviderForEachEngineWithAServer() {
        Server unreachable = new Server("127.0.0.1", 1, "postgres", null, null);
        SandboxProperties sandbox = properties("scratch", new Scratch(unreachable, null, null));

        SandboxProvider provider =
                new VerifierConfiguration().sandboxProvider(sandbox, new ProcessRunner(), Clock.systemUTC());

        assertThat(provider.kind()).isEqualTo("scratch");
        assertThatThrownBy(() -> provider.start(new SandboxRequest("mariadb", "shop")))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("no scratch sandbox for engine 'mariadb'");
        assertThatThrownBy(() -> provider.start(new SandboxRequest("postgresql", "shop")))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("cannot create a scratch database on 127.0.0.1:1");
    }
}
