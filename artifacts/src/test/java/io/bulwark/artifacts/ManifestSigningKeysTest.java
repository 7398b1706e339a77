package io.bulwark.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestSigningKeysTest {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final byte[] OLD = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8);
    static final byte[] MANIFEST = "{\"targetId\":\"chinook\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureIsTheHmacSha256OfTheExactBytesAndChecks() throws Exception {
        ManifestSigningKeys keys = ManifestSigningKeys.of("k1", KEY, List.of());
        byte[] signature = keys.sign(MANIFEST);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String json = new String(signature, StandardCharsets.UTF_8);
        assertThat(json)
                .contains("\"keyId\" : \"k1\"")
                .contains("HmacSHA256")
                .contains(HexFormat.of().formatHex(mac.doFinal(MANIFEST)));
        assertThat(keys.check(MANIFEST, signature)).isNull();
    }

    @Test
    void aChangedByteAnotherKeyOrGarbageDoesNotCheck() {
        ManifestSigningKeys keys = ManifestSigningKeys.of("k1", KEY, List.of());
        byte[] signature = keys.sign(MANIFEST);
        byte[] changed = MANIFEST.clone();
        changed[3] ^= 1;
        assertThat(keys.check(changed, signature)).contains("does not match");
        assertThat(ManifestSigningKeys.of("k2", OLD, List.of()).check(MANIFEST, signature))
                .contains("does not match");
        assertThat(keys.check(MANIFEST, "nope".getBytes(StandardCharsets.UTF_8)))
                .contains("cannot be read");
        assertThat(keys.check(MANIFEST, "{\"algorithm\":\"none\",\"mac\":\"\"}".getBytes(StandardCharsets.UTF_8)))
                .contains("not HmacSHA256");
    }

    @Test
    void aRetiredKeyChecksButNeverSigns() {
        byte[] oldSignature = ManifestSigningKeys.of("old", OLD, List.of()).sign(MANIFEST);
        ManifestSigningKeys rotated = ManifestSigningKeys.of("new", KEY, List.of(OLD));
        assertThat(rotated.check(MANIFEST, oldSignature)).isNull();
        ManifestSigningKeys retiredOnly = ManifestSigningKeys.of(null, null, List.of(OLD));
        assertThat(retiredOnly.canSign()).isFalse();
        assertThatThrownBy(() -> retiredOnly.sign(MANIFEST)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keysLoadFromAFileOrVariableAndErrorsNameTheSettingNeverTheKey(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("k"), new String(KEY, StandardCharsets.UTF_8) + "\n");
        ManifestSigningKeys fromFile = ManifestSigningKeys.load("k1", file.toString(), null, List.of(), n -> null, "s");
        assertThat(fromFile.check(
                        MANIFEST, ManifestSigningKeys.of("x", KEY, List.of()).sign(MANIFEST)))
                .isNull();
        ManifestSigningKeys fromEnv = ManifestSigningKeys.load(
                "k1", null, "K", List.of(), Map.of("K", new String(KEY, StandardCharsets.UTF_8))::get, "s");
        assertThat(fromEnv.toString()).doesNotContain(new String(KEY, StandardCharsets.UTF_8));
        assertThat(ManifestSigningKeys.load(null, null, null, List.of(), n -> null, "s"))
                .isNull();
        Path shortKey = Files.writeString(dir.resolve("short"), "tooshort");
        assertThatThrownBy(() -> ManifestSigningKeys.load(null, shortKey.toString(), null, List.of(), n -> null, "s"))
                .hasMessageContaining("s.key-file")
                .hasMessageNotContaining("tooshort");
        assertThatThrownBy(() -> ManifestSigningKeys.load(null, null, "UNSET", List.of(), n -> null, "s"))
                .hasMessageContaining("s.key-env");
    }

    @Test
    void aSignedStoreWritesTheSignatureBesideTheManifest() {
        InMemoryObjectStore store = new InMemoryObjectStore();
        ManifestSigningKeys keys = ManifestSigningKeys.of("k1", KEY, List.of());
        ManifestJson.storeSigned(store, "t/p/manifest.json", ManifestJsonTest.sample(), keys);
        assertThat(keys.check(
                        store.objects().get("t/p/manifest.json"),
                        store.objects().get("t/p/manifest.json.sig")))
                .isNull();
    }
}
