package io.bulwark.verifier.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.codec.DecryptionKeys;
import io.bulwark.testsupport.GnuPgHome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;

class KeyRingCoverageTest {

    @TempDir
    static Path dir;

    private static GnuPgHome gnupg;
    private static GnuPgHome.KeyPair current;
    private static GnuPgHome.KeyPair next;
    private static GnuPgHome.KeyPair lost;

    @BeforeAll
    static void keys() {
        gnupg = GnuPgHome.create(dir.resolve("k"));
        current = gnupg.generateKey("current");
        next = gnupg.generateKey("next");
        lost = gnupg.generateKey("lost");
    }

    @AfterAll
    static void stopGpg() {
        gnupg.close();
    }

    @Test
    void aTargetIsCoveredWhenTheRingOpensOneOfItsRecipientsAndNamesTheOthers() {
        DecryptionKeys ring = DecryptionKeys.ofSecretKeyFile(current.secretKey(), null);

        KeyRingCoverage coverage = KeyRingCoverage.check(
                ring,
                properties(Map.of(
                        "chinook", List.of(current.publicKey(), next.publicKey()),
                        "billing", List.of(lost.publicKey()))));

        assertThat(coverage.ringFingerprints()).containsExactly(current.fingerprint());
        assertThat(coverage.targets().get("chinook").covered()).isTrue();
        assertThat(coverage.targets().get("chinook").missing()).containsExactly(next.fingerprint());
        assertThat(coverage.targets().get("billing").covered()).isFalse();
        assertThat(coverage.uncoveredTargets()).containsExactly("billing");
        assertThat(new KeyRingHealthIndicator(coverage).health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void aRingOfOldAndNewKeysCoversEveryTargetAndIsUp() {
        DecryptionKeys ring =
                DecryptionKeys.ofSecretKeyFile(current.secretKey(), null).withSecretKeyFile(lost.secretKey(), null);

        KeyRingCoverage coverage = KeyRingCoverage.check(
                ring,
                properties(Map.of("chinook", List.of(current.publicKey()), "billing", List.of(lost.publicKey()))));

        assertThat(coverage.uncoveredTargets()).isEmpty();
        assertThat(new KeyRingHealthIndicator(coverage).health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void anUnreadableRecipientFileIsAProblemNotAStartUpFailure() {
        KeyRingCoverage coverage = KeyRingCoverage.check(
                DecryptionKeys.none(), properties(Map.of("chinook", List.of(dir.resolve("missing.asc")))));

        assertThat(coverage.targets().get("chinook").problem()).contains("missing.asc");
        assertThat(coverage.uncoveredTargets()).containsExactly("chinook");
    }

    private static DecryptionProperties properties(Map<String, List<Path>> recipients) {
        Map<String, DecryptionProperties.Target> targets = new java.util.LinkedHashMap<>();
        recipients.forEach((id, files) -> targets.put(
                id,
                new DecryptionProperties.Target(new DecryptionProperties.Encryption(
                        null, null, files.stream().map(Path::toString).toList(), null))));
        return new DecryptionProperties(null, targets);
    }
}
