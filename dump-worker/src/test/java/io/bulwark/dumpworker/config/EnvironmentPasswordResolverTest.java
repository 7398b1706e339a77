package io.bulwark.dumpworker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.dumpworker.domain.PasswordSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentPasswordResolverTest {

    private final EnvironmentPasswordResolver resolver =
            new EnvironmentPasswordResolver(Map.of("CHINOOK_PASSWORD", "from-env")::get);

    @Test
    void readsTheNamedEnvironmentVariable() {
        assertThat(resolver.resolve(new PasswordSource("CHINOOK_PASSWORD", null)))
                .isEqualTo("from-env");
    }

    @Test
    void readsTheFirstLineOfTheSecretFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "from-file\n");
        assertThat(resolver.resolve(new PasswordSource(null, file.toString()))).isEqualTo("from-file");
    }

    @Test
    void noSourceMeansNoPassword() {
        assertThat(resolver.resolve(PasswordSource.NONE)).isNull();
    }

    @Test
    void anUnsetVariableIsNamedInTheError() {
        assertThatThrownBy(() -> resolver.resolve(new PasswordSource("MISSING_PW", null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MISSING_PW");
    }
}
