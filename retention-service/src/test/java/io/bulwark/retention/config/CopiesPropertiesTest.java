package io.bulwark.retention.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code bulwark.copies.*}: ids, the retry interval, keys from a file, a variable or the value, and errors. */
class CopiesPropertiesTest {

    @TempDir
    Path dir;

    private static CopiesProperties bind(Map<String, String> values, Map<String, String> env) {
        return CopiesProperties.bind(new Binder(new MapConfigurationPropertySource(values)), env::get);
    }

    @Test
    void nothingConfiguredMeansNoCopyStoreAndA30sRetry() {
        CopiesProperties copies = bind(Map.of(), Map.of());
        assertThat(copies.stores()).isEmpty();
        assertThat(copies.retryInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void readsEachCopyStoreWithKeysFromAFileOrAVariable() throws Exception {
        Path access = Files.writeString(dir.resolve("access"), "offsite-access\n");
        Path secret = Files.writeString(dir.resolve("secret"), "offsite-secret\n");
        Map<String, String> values = new HashMap<>();
        values.put("bulwark.copies.retry-interval", "10s");
        values.put("bulwark.copies.offsite.endpoint", "https://s3.eu-central-1.example");
        values.put("bulwark.copies.offsite.bucket", "bulwark-offsite");
        values.put("bulwark.copies.offsite.region", "eu-central-1");
        values.put("bulwark.copies.offsite.access-key-file", access.toString());
        values.put("bulwark.copies.offsite.secret-key-file", secret.toString());
        values.put("bulwark.copies.offsite.retention.keep-last", "14");
        values.put("bulwark.copies.offsite.retention.keep-within", "90d");
        values.put("bulwark.copies.cold.endpoint", "http://127.0.0.1:9100");
        values.put("bulwark.copies.cold.bucket", "cold");
        values.put("bulwark.copies.cold.access-key-env", "COLD_ACCESS");
        values.put("bulwark.copies.cold.secret-key-env", "COLD_SECRET");
        values.put("bulwark.copies.cold.enabled", "false");

        CopiesProperties copies = bind(values, Map.of("COLD_ACCESS", "cold-access", "COLD_SECRET", "cold-secret"));

        assertThat(copies.retryInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(copies.stores()).extracting(CopiesProperties.Store::copyId).containsExactly("cold", "offsite");
        CopiesProperties.Store cold = copies.stores().get(0);
        CopiesProperties.Store offsite = copies.stores().get(1);
        assertThat(cold.enabled()).isFalse();
        assertThat(cold.settings().accessKey()).isEqualTo("cold-access");
        assertThat(cold.settings().secretKey()).isEqualTo("cold-secret");
        assertThat(cold.settings().region()).isEqualTo("us-east-1");
        assertThat(cold.retention().name()).isEqualTo("keep all");
        assertThat(offsite.enabled()).isTrue();
        assertThat(offsite.settings().accessKey()).isEqualTo("offsite-access");
        assertThat(offsite.settings().secretKey()).isEqualTo("offsite-secret");
        assertThat(offsite.settings().region()).isEqualTo("eu-central-1");
        assertThat(offsite.settings().bucket()).isEqualTo("bulwark-offsite");
        assertThat(offsite.retention().keepLast()).isEqualTo(14);
        assertThat(offsite.retention().keepWithin()).isEqualTo(Duration.ofDays(90));
        assertThat(offsite.settings().toString()).doesNotContain("offsite-secret");
    }

    @Test
    void errorsNameTheProperty() {
        Map<String, String> values = new HashMap<>();
        values.put("bulwark.copies.offsite.endpoint", "http://127.0.0.1:9100");
        values.put("bulwark.copies.offsite.bucket", "b");
        values.put("bulwark.copies.offsite.access-key", "a");
        assertThatThrownBy(() -> bind(values, Map.of()))
                .hasMessageContaining("bulwark.copies.offsite.secret-key is required");

        values.put("bulwark.copies.offsite.secret-key-env", "UNSET_SECRET");
        assertThatThrownBy(() -> bind(values, Map.of()))
                .hasMessageContaining("bulwark.copies.offsite.secret-key-env names UNSET_SECRET");

        values.put(
                "bulwark.copies.offsite.secret-key-file", dir.resolve("missing").toString());
        assertThatThrownBy(() -> bind(values, Map.of()))
                .hasMessageContaining("bulwark.copies.offsite.secret-key-file")
                .hasMessageContaining("cannot be read");

        values.remove("bulwark.copies.offsite.secret-key-file");
        values.remove("bulwark.copies.offsite.secret-key-env");
        values.put("bulwark.copies.offsite.secret-key", "s");
        values.put("bulwark.copies.offsite.retention.keep-last", "0");
        assertThatThrownBy(() -> bind(values, Map.of()))
                .hasMessageContaining("bulwark.copies.offsite.retention: keep-last must be at least 1");

        assertThatThrownBy(() -> bind(Map.of("bulwark.copies." + "a".repeat(64) + ".bucket", "b"), Map.of()))
                .hasMessageContaining("a copy id must be");
        assertThatThrownBy(() -> bind(Map.of("bulwark.copies.retry-interval", "10ms"), Map.of()))
                .hasMessageContaining("bulwark.copies.retry-interval must be at least 1s");
    }
}
