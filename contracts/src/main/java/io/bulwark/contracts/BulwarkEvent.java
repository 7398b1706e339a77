package io.bulwark.contracts;

import java.time.Instant;
import java.util.UUID;

/** Every Bulwark event: identity, time, schema version and the target it is about. */
public sealed interface BulwarkEvent
        permits BackupRequested,
                BackupProgressed,
                BackupCompleted,
                BackupFailed,
                BackupVerified,
                BackupDeleted,
                VerificationRequested,
                RestoreRequested,
                RestoreProgressed,
                RestoreCompleted,
                RestoreFailed,
                BackupCopyUpdated,
                AlertChanged,
                BackupReportIssued {

    /** The {@code targetId} (and record key) of an event about every target: a report, an installation alert. */
    String ALL_TARGETS = "_all";

    /** Unique per event; consumers de-duplicate on it. */
    UUID eventId();

    /** When the producer created the event (UTC). */
    Instant occurredAt();

    /** Version of the event's JSON Schema; 1 for every event today. */
    int schemaVersion();

    /** The target (database) the event is about; also the Kafka record key. */
    String targetId();
}
