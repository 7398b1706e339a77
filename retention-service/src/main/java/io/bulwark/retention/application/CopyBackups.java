package io.bulwark.retention.application;

import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.retention.domain.BackupCopy;
import io.bulwark.retention.domain.CatalogedBackup;
import io.bulwark.retention.domain.CopyStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies verified backups from the primary store into every enabled copy store (3-2-1).
 *
 * <p>{@link #enqueue} records a PENDING copy per copy store for a backup whose verification PASSED; {@link #copyDue}
 * (the copy job, on a timer and after each enqueue) tries every PENDING or FAILED copy:
 *
 * <ol>
 *   <li>the manifest is read from the primary store: it names the artifact and its stored bytes' SHA-256;
 *   <li>every object of the backup's prefix is streamed object by object (get, then put with the known length, no
 *       temporary file), the manifest and its signature last so that a copy with a manifest is whole; an object that
 *       the copy store already holds with the same size and SHA-256 is not uploaded again;
 *   <li>the artifact is read back from the copy store and hashed; it must match the manifest's SHA-256.
 * </ol>
 *
 * <p>Success makes the copy COPIED (never copied again), any failure FAILED with the reason; both are announced
 * ({@link AnnounceCopies}). Not thread-safe on its own: the copy job runs it on one thread.
 */
public class CopyBackups {

    private static final Logger log = LoggerFactory.getLogger(CopyBackups.class);

    private final CopyCatalog catalog;
    private final ObjectStore primary;
    private final List<CopyDestination> destinations;
    private final AnnounceCopies announcer;
    private final Clock clock;

    /**
     * @param catalog the copy states
     * @param primary the primary store ({@code bulwark.storage})
     * @param destinations the enabled copy stores; empty when none is configured (then nothing is ever copied)
     * @param announcer publishes the new states
     * @param clock the time of state changes
     */
    public CopyBackups(
            CopyCatalog catalog,
            ObjectStore primary,
            List<CopyDestination> destinations,
            AnnounceCopies announcer,
            Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.primary = Objects.requireNonNull(primary, "primary");
        this.destinations = List.copyOf(destinations);
        this.announcer = Objects.requireNonNull(announcer, "announcer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** True when at least one copy store is enabled. */
    public boolean enabled() {
        return !destinations.isEmpty();
    }

    /**
     * Records a PENDING copy of {@code backup} for every enabled copy store, when its verification PASSED; a copy
     * recorded before (any state) is left as it is. Nothing happens for a backup that is not verified.
     *
     * @return true when the backup is to be copied (the copy job may be woken)
     */
    public boolean enqueue(CatalogedBackup backup) {
        if (!backup.verified() || destinations.isEmpty()) {
            return false;
        }
        List<BackupCopy> pending = destinations.stream()
                .map(d -> BackupCopy.pending(backup, d.copyId(), clock.instant()))
                .toList();
        catalog.enqueue(pending);
        return true;
    }

    /**
     * Tries every due copy of every copy store, then announces the new states. A copy store that fails stops only
     * its own copies for this run.
     *
     * @return the copies that became COPIED in this run
     */
    public List<BackupCopy> copyDue() {
        List<BackupCopy> copied = new ArrayList<>();
        for (CopyDestination destination : destinations) {
            for (BackupCopy copy : catalog.due(destination.copyId())) {
                BackupCopy after = attempt(copy, destination);
                catalog.save(after, copy.state());
                if (after.state() == CopyStatus.COPIED) {
                    copied.add(after);
                }
            }
        }
        announcer.announce();
        return List.copyOf(copied);
    }

    /** One attempt at {@code copy}: the copy COPIED or FAILED. Never throws for a store or content failure. */
    BackupCopy attempt(BackupCopy copy, CopyDestination destination) {
        try {
            BackupCopy done = copyOnce(copy, destination.store());
            log.info(
                    "Copied backup {} of {} to {}: {} objects, {} bytes, artifact SHA-256 {} (attempt {})",
                    copy.backupId(),
                    copy.targetId(),
                    copy.copyId(),
                    done.objects(),
                    done.bytes(),
                    done.sha256(),
                    done.attempts());
            return done;
        } catch (RuntimeException e) {
            BackupCopy failed = copy.failed(e.getMessage() == null ? e.toString() : e.getMessage(), clock.instant());
            log.warn(
                    "Could not copy backup {} of {} to {} (attempt {}); retried by the copy job: {}",
                    copy.backupId(),
                    copy.targetId(),
                    copy.copyId(),
                    failed.attempts(),
                    failed.detail());
            return failed;
        }
    }

    private BackupCopy copyOnce(BackupCopy copy, CopyStore store) {
        String manifestKey = ObjectKeys.manifestKey(copy.prefix());
        Manifest manifest = ManifestJson.load(primary, manifestKey);
        if (manifest.artifact() == null || manifest.artifact().sha256() == null) {
            throw new IllegalStateException(manifestKey + " names no artifact with a SHA-256");
        }
        String artifactKey = manifest.artifact().key();
        String artifactSha256 = manifest.artifact().sha256().toLowerCase(java.util.Locale.ROOT);
        String signatureKey = ObjectKeys.signatureKey(manifestKey);
        List<String> keys = new ArrayList<>();
        List<String> last = new ArrayList<>();
        for (String key : primary.list(copy.prefix())) {
            if (key.equals(manifestKey) || key.equals(signatureKey)) {
                last.add(key);
            } else {
                keys.add(key);
            }
        }
        if (!last.contains(manifestKey) || !keys.contains(artifactKey)) {
            throw new IllegalStateException(
                    "the primary store does not hold the manifest and the artifact " + artifactKey + " any more");
        }
        last.sort((a, b) -> a.equals(manifestKey) ? 1 : b.equals(manifestKey) ? -1 : a.compareTo(b));
        keys.addAll(last);
        int objects = 0;
        long bytes = 0;
        for (String key : keys) {
            long size = primary.size(key);
            String sha256 = key.equals(artifactKey) ? artifactSha256 : hash(primary.get(key));
            copyObject(store, key, size, sha256);
            objects++;
            bytes += size;
        }
        String readBack = hash(store.get(artifactKey));
        if (!readBack.equals(artifactSha256)) {
            store.delete(artifactKey);
            throw new IllegalStateException("the artifact read back from the copy store has SHA-256 " + readBack
                    + ", the manifest says " + artifactSha256 + "; removed, copied again on the next attempt");
        }
        return copy.copied(objects, bytes, readBack, clock.instant());
    }

    /** Uploads {@code key} unless the copy store holds it with the same size and SHA-256 already. */
    private void copyObject(CopyStore store, String key, long size, String sha256) {
        Optional<CopyStore.StoredObject> there = store.stat(key);
        if (there.isPresent() && there.get().size() == size) {
            String thereSha256 = there.get().sha256() != null ? there.get().sha256() : hash(store.get(key));
            if (sha256.equals(thereSha256)) {
                log.debug("{} is in the copy store already ({} bytes, SHA-256 {}); not uploaded", key, size, sha256);
                return;
            }
        }
        MessageDigest digest = sha256Digest();
        try (InputStream in = new DigestInputStream(primary.get(key), digest)) {
            store.put(key, in, size, sha256, contentType(key));
        } catch (IOException e) {
            throw new ObjectStoreException("could not read " + key + " from the primary store", e);
        }
        String streamed = HexFormat.of().formatHex(digest.digest());
        if (!streamed.equals(sha256)) {
            store.delete(key);
            throw new IllegalStateException("the bytes of " + key + " read from the primary store have SHA-256 "
                    + streamed + ", expected " + sha256 + "; the copy of it was removed");
        }
    }

    /** The lowercase hex SHA-256 of everything {@code in} yields; closes it. */
    static String hash(InputStream in) {
        MessageDigest digest = sha256Digest();
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read an object to hash it", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String contentType(String key) {
        if (key.endsWith(".json")) {
            return "application/json";
        }
        if (key.endsWith(".html")) {
            return "text/html";
        }
        return "application/octet-stream";
    }
}
