package io.bulwark.verifier.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The verifier binds the shared {@code bulwark.targets} tree and ignores the keys of other services: the scheduler's
 * objectives {@code rpo} and {@code rto} beside the verifier's own {@code verification.rto}.
 */
class SharedTargetKeysTest {

    private static final Map<String, String> SHARED = Map.of(
            "bulwark.targets.chinook.engine", "postgresql",
            "bulwark.targets.chinook.host", "127.0.0.1",
            "bulwark.targets.chinook.rpo", "PT25H",
            "bulwark.targets.chinook.rto", "1h",
            "bulwark.targets.chinook.verification.rto", "30m");

    private static <T> T bind(Class<T> type) {
        return new Binder(new MapConfigurationPropertySource(SHARED)).bindOrCreate("bulwark", type);
    }

    @Test
    void theSchedulersRpoAndRtoDoNotDisturbTheVerifiersSettings() {
        assertThat(bind(VerificationProperties.class).forTarget("chinook").rto())
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(bind(TargetServersProperties.class).targets().get("chinook").host())
                .isEqualTo("127.0.0.1");
        assertThat(bind(DecryptionProperties.class).encryptionRequired("chinook"))
                .isFalse();
    }
}
