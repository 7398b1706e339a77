package io.bulwark.pipeline;

import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.contracts.ArtifactRef;
import java.util.Optional;
import java.util.UUID;

/**
 * What a manifest read from the bucket must satisfy before anything it names is read: the bucket is trusted only
 * within the backup's own prefix (docs/security.md, "What the verifier trusts in the bucket"). Pure and stateless.
 *
 * <ul>
 *   <li>the backup's prefix lies under its target's prefix ({@code <targetId>/}), with no empty, {@code .} or {@code
 *       ..} segment, no backslash, no control character, not absolute;
 *   <li>the artifact's key lies directly in that prefix ({@code <prefix><name>}, the layout of {@link
 *       ObjectKeys#dumpKey}), so a manifest cannot point the verifier at another backup, another target or anything
 *       else in the bucket;
 *   <li>the manifest's target id is the event's, and its backup id is the event's (or, when the event names none,
 *       that of the folder: {@link ObjectKeys#belongsTo});
 *   <li>the codec chain ends in OpenPGP when the target's policy requires encryption: a plaintext artifact of a target
 *       that encrypts was not written by its dump-worker.
 * </ul>
 */
public final class ManifestTrustRules {

    private ManifestTrustRules() {}

    /**
     * What the reader of a manifest expects of it, from the event (or the restore request) rather than from the bucket.
     *
     * @param prefix the backup's prefix, ending in {@code /} (one is added when missing)
     * @param targetId the target the backup must be of
     * @param backupId the backup the manifest must describe, or null to take the folder name's id
     * @param encryptionRequired true when the target's artifacts must be OpenPGP-encrypted
     */
    public record Expected(String prefix, String targetId, UUID backupId, boolean encryptionRequired) {

        /** The prefix, ending in {@code /}. */
        public String folder() {
            return prefix == null || prefix.endsWith("/") ? prefix : prefix + "/";
        }
    }

    /**
     * The first rule {@code manifest} breaks, as a sentence naming the key, id or codec at fault; empty when it keeps
     * them all.
     */
    public static Optional<String> violation(Manifest manifest, Expected expected) {
        Optional<String> prefix = prefixViolation(expected.folder(), expected.targetId());
        if (prefix.isPresent()) {
            return prefix;
        }
        if (manifest.targetId() == null || !manifest.targetId().equals(expected.targetId())) {
            return Optional.of("the manifest is of target " + manifest.targetId() + ", not of " + expected.targetId());
        }
        if (expected.backupId() != null) {
            if (!expected.backupId().equals(manifest.backupId())) {
                return Optional.of(
                        "the manifest is of backup " + manifest.backupId() + ", not of " + expected.backupId());
            }
        } else if (manifest.backupId() == null
                || !ObjectKeys.belongsTo(
                        ObjectKeys.inPrefix(expected.folder(), ObjectKeys.MANIFEST), manifest.backupId())) {
            return Optional.of(
                    "the manifest is of backup " + manifest.backupId() + ", not of the folder " + expected.folder());
        }
        ArtifactRef artifact = manifest.artifact();
        if (artifact != null && artifact.key() != null) {
            Optional<String> key = keyViolation(artifact.key(), expected.folder());
            if (key.isPresent()) {
                return key;
            }
            if (expected.encryptionRequired() && !artifact.codecs().contains(CodecChain.OPENPGP)) {
                return Optional.of("the artifact " + artifact.key() + " is plaintext (codecs " + artifact.codecs()
                        + ") but target " + expected.targetId() + " requires encryption");
            }
        }
        return Optional.empty();
    }

    /**
     * Why {@code key} is not an object directly inside the backup at {@code prefix}; empty when it is.
     *
     * @param prefix the backup's prefix, ending in {@code /}
     */
    public static Optional<String> keyViolation(String key, String prefix) {
        if (key == null || key.isBlank()) {
            return Optional.of("the manifest names no key");
        }
        String name = key.startsWith(prefix) ? key.substring(prefix.length()) : null;
        if (name == null
                || name.isEmpty()
                || name.contains("/")
                || name.equals(".")
                || name.equals("..")
                || !plain(name)) {
            return Optional.of("key " + printable(key) + " outside prefix " + prefix);
        }
        return Optional.empty();
    }

    /**
     * Why {@code prefix} is not a backup prefix of {@code targetId}; empty when it is.
     *
     * @param prefix the prefix, ending in {@code /}
     */
    public static Optional<String> prefixViolation(String prefix, String targetId) {
        if (prefix == null || prefix.isBlank() || targetId == null || targetId.isBlank()) {
            return Optional.of("no backup prefix or target to check against");
        }
        if (!prefix.startsWith(targetId + "/") || !plain(prefix)) {
            return Optional.of("prefix " + printable(prefix) + " outside target prefix " + targetId + "/");
        }
        String[] segments = prefix.substring(0, prefix.length() - 1).split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.of("prefix " + printable(prefix) + " has an empty, '.' or '..' segment");
            }
        }
        return Optional.empty();
    }

    private static boolean plain(String text) {
        if (text.startsWith("/") || text.indexOf('\\') >= 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(300).forEach(c -> out.append(Character.isISOControl(c) ? "?" : Character.toString(c)));
        return out.toString();
    }
}
