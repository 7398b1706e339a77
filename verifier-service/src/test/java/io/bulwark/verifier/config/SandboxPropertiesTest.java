package io.bulwark.verifier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engines.process.ProcessRunner;
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
        return new SandboxProperties(null, null, null, Duration.ofHours(6), Duration.ofHours(1), kind, scratch);
    }

    @Test
    void theKindIsLocalByDefaultAndTheOrphanAgeSixHours() {
        SandboxProperties sandbox = properties(null, null);

        assertThat(sandbox.kind()).isEqualTo("local");
        assertThat(sandbox.scratch().orphanAge()).isEqualTo(Duration.ofHours(6));
        assertThat(sandbox.scratch().postgresql()).isNull();
    }

    @Test
    void anUnknownKindOrContainerOrScratchWithoutAServerIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> properties("vm", null)).hasMessageContaining("bulwark.verifier.sandbox.kind");
        assertThatThrownBy(() -> properties("container", null)).hasMessageContaining("not available");
        assertThatThrownBy(() -> properties("scratch", null)).hasMessageContaining("scratch.postgresql.host");
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
