package io.bulwark.verifier.application;

import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.Ids;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.SourceStatistics;
import io.bulwark.contracts.VerificationRequested;
import io.bulwark.pipeline.TrustedManifests;
import io.bulwark.pipeline.UntrustedManifestException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-demand re-verification use case: for a {@link VerificationRequested}, loads the backup's
 * manifest, rebuilds the {@link BackupCompleted} the dump worker published for it (artifact, tier,
 * label, trigger, source statistics, timings) and verifies anew, replacing the stored report.
 *
 * <p>The identity of the backup (id, target, prefix, manifest key) is the request's. A request
 * without a manifest key uses {@code manifest.json} in its prefix. When the manifest cannot be loaded
 * (absent, unreadable, the store down) the verification runs with the request's identity alone, and
 * {@link VerifyBackup} records why: FAILED for an absent or unreadable manifest, ERROR when the store
 * could not be read. Thread-safe.
 */
public final class ReverifyBackup {

    private static final Logger log = LoggerFactory.getLogger(ReverifyBackup.class);

    private final TrustedManifests manifests;
    private final Verification verification;

    /**
     * A re-verification reading manifests with {@link TrustedManifests#lenient}.
     *
     * @param store where the manifests are
     * @param verification verifies and publishes, e.g. a {@link RetryingVerification}
     */
    public ReverifyBackup(ObjectStore store, Verification verification) {
        this(TrustedManifests.lenient(Objects.requireNonNull(store, "store")), verification);
    }

    /**
     * @param manifests reads the manifests, trusting only what keeps the rules (an untrusted one is verified without
     *     it, and the verification's own gate records why it FAILED)
     * @param verification verifies and publishes, e.g. a {@link RetryingVerification}
     */
    public ReverifyBackup(TrustedManifests manifests, Verification verification) {
        this.manifests = Objects.requireNonNull(manifests, "manifests");
        this.verification = Objects.requireNonNull(verification, "verification");
    }

    /**
     * Verifies the backup of {@code request} again.
     *
     * @return the verdict published
     * @throws InvalidEventException when the request names no backup, no safe target id, or neither
     *     prefix nor manifest key
     */
    public BackupVerified handle(VerificationRequested request) {
        return verification.handle(completed(request), true);
    }

    /** The {@link BackupCompleted} of the requested backup, from its manifest when it can be read. */
    BackupCompleted completed(VerificationRequested request) {
        validate(request);
        String manifestKey =
                blank(request.manifestKey()) ? ObjectKeys.manifestKey(request.prefix()) : request.manifestKey();
        String prefix = blank(request.prefix()) ? ObjectKeys.prefixOf(manifestKey) : request.prefix();
        Manifest manifest;
        try {
            manifest = manifests.load(prefix, manifestKey, request.targetId(), request.backupId());
        } catch (ObjectStoreException | InvalidEventException | UncheckedIOException | UntrustedManifestException e) {
            log.warn(
                    "cannot load the manifest {} of backup {}; verifying without it: {}",
                    manifestKey,
                    request.backupId(),
                    e.getMessage());
            return bare(request, prefix, manifestKey);
        }
        if (manifest.backupId() != null && !manifest.backupId().equals(request.backupId())) {
            log.warn(
                    "manifest {} is of backup {}, not of the requested backup {}",
                    manifestKey,
                    manifest.backupId(),
                    request.backupId());
        }
        return fromManifest(request, manifest, prefix, manifestKey);
    }

    private static BackupCompleted fromManifest(
            VerificationRequested request, Manifest manifest, String prefix, String manifestKey) {
        SourceStatistics statistics = manifest.source() == null || manifest.inventory() == null
                ? null
                : new SourceStatistics(
                        manifest.source().engine(),
                        manifest.source().serverVersion(),
                        manifest.tool() == null ? null : manifest.tool().version(),
                        manifest.inventory().tables().size(),
                        manifest.inventory().totalRows());
        long dumpMillis = manifest.startedAt() != null && manifest.completedAt() != null
                ? Duration.between(manifest.startedAt(), manifest.completedAt()).toMillis()
                : 0;
        return new BackupCompleted(
                completedEventId(request),
                manifest.completedAt() != null ? manifest.completedAt() : request.occurredAt(),
                BackupCompleted.SCHEMA_VERSION,
                request.backupId(),
                manifest.requestId() != null ? manifest.requestId() : request.backupId(),
                request.targetId(),
                manifest.label(),
                manifest.tier(),
                manifest.trigger(),
                prefix,
                manifest.artifact(),
                manifestKey,
                statistics,
                manifest.startedAt(),
                manifest.completedAt(),
                dumpMillis);
    }

    private static BackupCompleted bare(VerificationRequested request, String prefix, String manifestKey) {
        return new BackupCompleted(
                completedEventId(request),
                request.occurredAt(),
                BackupCompleted.SCHEMA_VERSION,
                request.backupId(),
                request.backupId(),
                request.targetId(),
                null,
                null,
                null,
                prefix,
                null,
                manifestKey,
                null,
                null,
                null,
                0);
    }

    /** The id of the rebuilt event: one per request, never a real completion's id. */
    private static UUID completedEventId(VerificationRequested request) {
        return UUID.nameUUIDFromBytes(
                ("bulwark.verification.requested:" + request.requestId()).getBytes(StandardCharsets.UTF_8));
    }

    private static void validate(VerificationRequested request) {
        if (request == null) {
            throw new InvalidEventException("VerificationRequested: the event is empty", null);
        }
        if (request.backupId() == null) {
            throw new InvalidEventException("VerificationRequested: backupId is required", null);
        }
        if (!Ids.isSafe(request.targetId())) {
            throw new InvalidEventException(
                    "VerificationRequested: targetId must match " + Ids.SAFE_ID.pattern(), null);
        }
        if (blank(request.prefix()) && blank(request.manifestKey())) {
            throw new InvalidEventException("VerificationRequested: prefix or manifestKey is required", null);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
