package io.bulwark.verifier.config;

import io.bulwark.artifacts.codec.DecryptionKeys;
import io.bulwark.artifacts.codec.OpenPgpEncryption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the verifier's key ring opens what the dump-worker is writing now: for each target that encrypts to
 * recipients ({@code bulwark.targets.<id>.encryption.recipients}), which of their fingerprints have a secret key in
 * the ring ({@code bulwark.verifier.decryption.secret-keys}). A target none of whose recipients the ring opens is
 * <em>uncovered</em>: each of its new backups would end in an ERROR verdict ("no key in the ring opens this artifact").
 * Computed once, at start-up (the ring is loaded once too), logged, and reported by the {@code keyRing} health
 * indicator. Immutable.
 *
 * @param ringFingerprints the certificates whose secret keys the ring holds
 * @param targets per target id, its recipients' coverage
 */
public record KeyRingCoverage(List<String> ringFingerprints, Map<String, TargetCoverage> targets) {

    private static final Logger log = LoggerFactory.getLogger(KeyRingCoverage.class);

    public KeyRingCoverage {
        ringFingerprints = List.copyOf(ringFingerprints);
        targets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    }

    /**
     * One target's recipients.
     *
     * @param recipients the fingerprints its new backups are encrypted to
     * @param missing those of {@code recipients} the ring has no secret key of
     * @param problem why the recipients could not be read (a public key file missing or invalid), else null; the
     *     target counts as uncovered then
     */
    public record TargetCoverage(List<String> recipients, List<String> missing, String problem) {
        public TargetCoverage {
            recipients = List.copyOf(recipients);
            missing = List.copyOf(missing);
        }

        /** True when the ring opens the target's new backups: it holds a key of at least one recipient. */
        public boolean covered() {
            return problem == null && missing.size() < recipients.size();
        }
    }

    /**
     * Checks {@code ring} against the recipients of every target in {@code properties}, logging a warning for every
     * target that is not covered and every recipient without a key. Never throws: a public key file that cannot be
     * read is recorded as the target's {@link TargetCoverage#problem()}.
     */
    public static KeyRingCoverage check(DecryptionKeys ring, DecryptionProperties properties) {
        Map<String, TargetCoverage> targets = new LinkedHashMap<>();
        properties.targets().forEach((id, target) -> {
            if (target == null
                    || target.encryption() == null
                    || target.encryption().recipients().isEmpty()) {
                return;
            }
            TargetCoverage coverage;
            try {
                List<String> recipients = OpenPgpEncryption.toRecipients(target.encryption().recipients().stream()
                                .map(Path::of)
                                .toList())
                        .recipientFingerprints();
                List<String> missing = new ArrayList<>();
                for (String fingerprint : recipients) {
                    if (!ring.opensAnyOf(List.of(fingerprint))) {
                        missing.add(fingerprint);
                    }
                }
                coverage = new TargetCoverage(recipients, missing, null);
            } catch (RuntimeException e) {
                coverage = new TargetCoverage(List.of(), List.of(), e.getMessage());
            }
            targets.put(id, coverage);
            if (coverage.problem() != null) {
                log.warn("key ring: cannot read the recipients of target {}: {}", id, coverage.problem());
            } else if (!coverage.covered()) {
                log.warn(
                        "key ring: no secret key opens the new backups of target {}: it encrypts to {}, the ring holds {};"
                                + " add one of their secret keys to bulwark.verifier.decryption.secret-keys",
                        id,
                        coverage.recipients(),
                        ring.fingerprints());
            } else if (!coverage.missing().isEmpty()) {
                log.info(
                        "key ring: target {} also encrypts to {}, whose secret keys the ring lacks",
                        id,
                        coverage.missing());
            }
        });
        return new KeyRingCoverage(ring.fingerprints(), targets);
    }

    /** The ids of the targets that are not covered, in configuration order. */
    public List<String> uncoveredTargets() {
        return targets.entrySet().stream()
                .filter(e -> !e.getValue().covered())
                .map(Map.Entry::getKey)
                .toList();
    }
}
