package io.bulwark.scheduler.config;

import io.bulwark.artifacts.codec.OpenPgpEncryption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public key files each target encrypts its new backups to: the shared {@code
 * bulwark.targets.<id>.encryption.recipients} the dump-worker encrypts with. The scheduler only reads their
 * fingerprints, for {@code GET /api/keys}.
 *
 * @param targets per target id, its encryption (other target settings are read by {@link SchedulerProperties})
 */
@ConfigurationProperties("bulwark")
public record KeyProperties(Map<String, KeyTarget> targets) {

    private static final Logger log = LoggerFactory.getLogger(KeyProperties.class);

    public KeyProperties {
        targets = targets == null ? Map.of() : new LinkedHashMap<>(targets);
    }

    /** @param encryption the target's encryption, or null */
    public record KeyTarget(Encryption encryption) {}

    /** @param recipients public key files, armored or binary */
    public record Encryption(List<String> recipients) {
        public Encryption {
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
        }
    }

    /**
     * Per target that encrypts to recipients, their certificates' fingerprints. A target whose key files cannot be
     * read is logged and left out (the dump-worker refuses to back it up anyway).
     */
    public Map<String, List<String>> recipientFingerprints() {
        Map<String, List<String>> fingerprints = new LinkedHashMap<>();
        targets.forEach((id, target) -> {
            if (target == null
                    || target.encryption() == null
                    || target.encryption().recipients().isEmpty()) {
                return;
            }
            try {
                fingerprints.put(
                        id,
                        OpenPgpEncryption.toRecipients(target.encryption().recipients().stream()
                                        .map(Path::of)
                                        .toList())
                                .recipientFingerprints());
            } catch (RuntimeException e) {
                log.warn("cannot read the encryption recipients of target {}: {}", id, e.getMessage());
            }
        });
        return fingerprints;
    }
}
