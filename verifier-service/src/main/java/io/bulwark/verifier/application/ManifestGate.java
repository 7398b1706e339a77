package io.bulwark.verifier.application;

import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ObjectNotFoundException;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.pipeline.TrustedManifests;
import io.bulwark.pipeline.UntrustedManifestException;
import io.bulwark.pipeline.rules.CheckNames;
import io.bulwark.pipeline.rules.Checks;
import java.io.UncheckedIOException;

/**
 * The first gate of a verification: a backup exists only when its manifest does, the manifest must be trusted ({@link
 * TrustedManifests}: within the event's prefix, of its target and backup, encrypted when the target requires it, of
 * bounded size, signed when signing is configured), and it must name an artifact and an inventory to compare with.
 * Stateless and thread-safe.
 */
final class ManifestGate {

    private final TrustedManifests manifests;

    ManifestGate(TrustedManifests manifests) {
        this.manifests = manifests;
    }

    /**
     * Loads the manifest of {@code event}, recording the {@code manifest} check in {@code run}: PASSED naming its tables
     * and rows; FAILED when it is missing, unreadable, untrusted ("untrusted manifest: ..."; nothing it names is read)
     * or names no artifact or inventory (the backup does not exist as one); ERROR when the store cannot be read. Every
     * later check is SKIPPED then.
     *
     * @return the manifest, or null when the gate is closed
     */
    Manifest load(BackupCompleted event, VerificationRun run) {
        long started = System.nanoTime();
        String key = event.manifestKey();
        try {
            Manifest manifest = manifests.load(event.prefix(), key, event.targetId(), event.backupId());
            ArtifactRef artifact = manifest.artifact();
            if (artifact == null || artifact.key() == null || artifact.key().isBlank()) {
                run.gateFailed(
                        Checks.failed(
                                CheckNames.MANIFEST, "manifest " + key + " names no artifact", millisSince(started)),
                        "the manifest names no artifact");
                return null;
            }
            if (manifest.inventory() == null) {
                run.gateFailed(
                        Checks.failed(
                                CheckNames.MANIFEST,
                                "manifest " + key + " has no inventory to compare with",
                                millisSince(started)),
                        "the manifest has no inventory");
                return null;
            }
            run.sourceServerVersion =
                    manifest.source() == null ? null : manifest.source().serverVersion();
            run.checks.add(Checks.passed(
                    CheckNames.MANIFEST,
                    "manifest " + key + " lists "
                            + manifest.inventory().tables().size() + " tables with "
                            + manifest.inventory().totalRows() + " rows",
                    millisSince(started)));
            return manifest;
        } catch (UntrustedManifestException e) {
            run.gateFailed(
                    Checks.failed(CheckNames.MANIFEST, e.getMessage(), millisSince(started)), "untrusted manifest");
        } catch (ObjectNotFoundException e) {
            run.gateFailed(
                    Checks.failed(
                            CheckNames.MANIFEST,
                            "no manifest at " + key + ": without it the backup does not exist",
                            millisSince(started)),
                    "no manifest");
        } catch (InvalidEventException e) {
            run.gateFailed(
                    Checks.failed(
                            CheckNames.MANIFEST,
                            "manifest " + key + " is unreadable: " + e.getMessage(),
                            millisSince(started)),
                    "the manifest is unreadable");
        } catch (ObjectStoreException | UncheckedIOException e) {
            run.gateFailed(
                    Checks.error(
                            CheckNames.MANIFEST,
                            "could not read " + key + " from the object store: " + e.getMessage(),
                            millisSince(started)),
                    "the object store could not be read");
        }
        return null;
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }
}
