package io.bulwark.verifier.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DecryptionPropertiesTest {

    private static DecryptionProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bind("bulwark", DecryptionProperties.class)
                .get();
    }

    @Test
    void aTargetThatEncryptsRequiresEncryptionUnlessItSaysOtherwise() {
        DecryptionProperties p = bind(Map.of(
                "bulwark.targets.pass.encryption.passphrase-file", "/run/secrets/pass",
                "bulwark.targets.keys.encryption.recipients[0]", "/etc/bulwark/ops.asc",
                "bulwark.targets.opt-out.encryption.recipients[0]", "/etc/bulwark/ops.asc",
                "bulwark.targets.opt-out.encryption.required", "false",
                "bulwark.targets.forced.encryption.required", "true",
                "bulwark.targets.plain.engine", "postgresql"));

        assertThat(p.targets().get("pass").encryption().passphraseFile()).isEqualTo("/run/secrets/pass");
        assertThat(p.encryptionRequired("pass")).isTrue();
        assertThat(p.encryptionRequired("keys")).isTrue();
        assertThat(p.encryptionRequired("opt-out")).isFalse();
        assertThat(p.encryptionRequired("forced")).isTrue();
        assertThat(p.encryptionRequired("plain")).isFalse();
        assertThat(p.encryptionRequired("unknown")).isFalse();
    }
}
