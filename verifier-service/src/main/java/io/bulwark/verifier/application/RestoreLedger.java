package io.bulwark.verifier.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable record of the restores running now, so that a verifier killed in the middle of one never leaves it
 * looking done: an entry is written before the destination database is created, beaten while the restore runs, and
 * removed once its outcome is published. An entry whose beat stopped is a restore that was interrupted. Thread-safe.
 */
public interface RestoreLedger {

    /**
     * Records a restore that is starting.
     *
     * @throws RuntimeException when it cannot be recorded (then the restore must not start)
     */
    void begin(Entry entry);

    /** Records that the restore still runs, now; best effort. */
    void beat(UUID restoreId, Instant now);

    /** Forgets a restore whose outcome was published; best effort. */
    void end(UUID restoreId);

    /** The entry of {@code restoreId}, if one is recorded. */
    Optional<Entry> find(UUID restoreId);

    /** Every recorded entry. */
    List<Entry> all();

    /**
     * One running restore. Never holds a credential.
     *
     * @param restoreId the restore
     * @param targetId the backup's target
     * @param backupId the backup restored
     * @param prefix the backup's prefix
     * @param destinationId the destination's id (a configured id or {@code target:<targetId>})
     * @param engine the destination's engine
     * @param host the destination server's host
     * @param port its port
     * @param database the database restored into
     * @param createsDatabase true when the restore creates that database (then an interrupted restore drops it)
     * @param owner the verifier running it: host name and process id
     * @param ownerStartedAt when that verifier process started
     * @param requestedAt when the restore was asked for
     * @param beatAt the last heartbeat
     */
    record Entry(
            UUID restoreId,
            String targetId,
            UUID backupId,
            String prefix,
            String destinationId,
            String engine,
            String host,
            int port,
            String database,
            boolean createsDatabase,
            String owner,
            Instant ownerStartedAt,
            Instant requestedAt,
            Instant beatAt) {}
}
