package io.bulwark.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.artifacts.codec.DecryptionKeys;
import io.bulwark.artifacts.codec.OpenPgpEncryption;
import io.bulwark.contracts.ArtifactRef;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-encrypts an artifact of {@code BULWARK_BENCH_REENCRYPT_MIB} MiB (incompressible, so the stored artifact is that
 * large) on a folder-backed store and prints the time and the heap's peak; run by hand, with a small heap, e.g.
 * {@code BULWARK_BENCH_REENCRYPT_MIB=1024 ./mvnw -o verify -pl pipeline -am -Dtest=ReEncryptionBenchmarkTest
 * -Dbulwark.mockitoAgent=-Xmx128m}. Skipped when the variable is unset.
 */
@EnabledIfEnvironmentVariable(named = "BULWARK_BENCH_REENCRYPT_MIB", matches = "\\d+")
class ReEncryptionBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void reencryptsAGigabyteInBoundedMemory() throws Exception {
        long mib = Long.parseLong(System.getenv("BULWARK_BENCH_REENCRYPT_MIB"));
        DirectoryObjectStore store = new DirectoryObjectStore(dir);
        OpenPgpEncryption toOld = OpenPgpEncryption.toRecipients(List.of(ReEncryptionTest.key("rsa.pub.asc")));
        OpenPgpEncryption toNew = OpenPgpEncryption.toRecipients(List.of(ReEncryptionTest.key("cv25519.pub.asc")));
        DecryptionKeys ring = DecryptionKeys.ofSecretKeyFile(ReEncryptionTest.key("rsa.sec.asc"), null)
                .withSecretKeyFile(ReEncryptionTest.key("cv25519.sec.asc"), null);
        CodecChain chain = CodecChain.zstd(1).encryptedWith(toOld);
        Path artifact = dir.resolve(ReEncryptionTest.ARTIFACT);
        Files.createDirectories(artifact.getParent());
        MessageDigest rawDigest = MessageDigest.getInstance("SHA-256");
        MessageDigest storedDigest = MessageDigest.getInstance("SHA-256");
        Random random = new Random(7);
        byte[] block = new byte[1 << 20];
        try (OutputStream encoder =
                        chain.encoder(new DigestOutputStream(Files.newOutputStream(artifact), storedDigest));
                OutputStream raw = new DigestOutputStream(encoder, rawDigest)) {
            for (long i = 0; i < mib; i++) {
                random.nextBytes(block);
                raw.write(block);
            }
        }
        long storedBytes = Files.size(artifact);
        ManifestJson.store(
                store,
                ReEncryptionTest.MANIFEST,
                ReEncryptionTest.manifest(new ArtifactRef(
                        "bench",
                        ReEncryptionTest.ARTIFACT,
                        "pg_dump-custom",
                        chain.codecs(),
                        storedBytes,
                        mib << 20,
                        HexFormat.of().formatHex(storedDigest.digest()),
                        HexFormat.of().formatHex(rawDigest.digest()),
                        chain.recipientFingerprints())));
        System.gc();

        long started = System.nanoTime();
        ReEncryption.Result result = new ReEncryption(
                        store, ring, toNew, ReEncryption.ManifestWriter.PLAIN, Clock.systemUTC())
                .reencrypt(ReEncryptionTest.MANIFEST);
        long millis = (System.nanoTime() - started) / 1_000_000;

        long peak = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
        System.out.printf(
                "re-encrypted %d bytes (%d MiB raw) in %d ms (%.1f MiB/s through decrypt, encrypt, read-back, decrypt"
                        + " and decompress); max heap %d MiB, peak heap pools %d MiB%n",
                result.storedBytes(),
                mib,
                millis,
                storedBytes / 1048576.0 / (millis / 1000.0),
                Runtime.getRuntime().maxMemory() >> 20,
                peak >> 20);
        assertThat(result.newRecipients()).isEqualTo(toNew.recipientFingerprints());
        assertThat(store.exists(ReEncryptionTest.ARTIFACT)).isFalse();
        assertThat(ManifestJson.load(store, ReEncryptionTest.MANIFEST)
                        .artifact()
                        .storedBytes())
                .isEqualTo(result.storedBytes());
    }
}
