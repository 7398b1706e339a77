package io.bulwark.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ObjectStoreSettingsTest {

    @Test
    void toStringHidesTheSecretKey() {
        ObjectStoreSettings settings = ObjectStoreSettings.of("http://127.0.0.1:9000", "bulwark", "very-secret", "b");
        assertThat(settings.toString()).doesNotContain("very-secret").contains("bulwark", "http://127.0.0.1:9000");
    }

    @Test
    void defaultsThePartSizeTo16MiBAndRefusesLessThan5MiB() {
        assertThat(new ObjectStoreSettings("http://h", "a", "s", "b", null, 0).partSizeBytes())
                .isEqualTo(16L * 1024 * 1024);
        assertThatThrownBy(() -> new ObjectStoreSettings("http://h", "a", "s", "b", null, 1024))
                .hasMessageContaining("partSizeBytes");
    }

    @Test
    void namesAMissingField() {
        assertThatThrownBy(() -> new ObjectStoreSettings("http://h", "a", "", "b", null, 0))
                .hasMessageContaining("secretKey");
    }
}
