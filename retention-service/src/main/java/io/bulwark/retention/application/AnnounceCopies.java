package io.bulwark.retention.application;

import io.bulwark.contracts.BackupCopyUpdated;
import io.bulwark.retention.domain.BackupCopy;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a {@link BackupCopyUpdated} for every copy whose state was not announced yet (COPIED, the first FAILED of
 * a streak, DELETED), then records it as announced. A copy whose event the broker did not accept stays unannounced and
 * is announced on the next run, with the same event id ({@link BackupCopy#eventId()}), so consumers recognise a
 * re-publish (its {@code occurredAt} is the time of the state change, the same in both). Thread-safe when its ports
 * are.
 */
public class AnnounceCopies {

    private static final Logger log = LoggerFactory.getLogger(AnnounceCopies.class);

    private final CopyCatalog catalog;
    private final CopyPublisher publisher;

    public AnnounceCopies(CopyCatalog catalog, CopyPublisher publisher) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /**
     * Announces every unannounced copy; a copy whose event is refused is logged and left for the next run.
     *
     * @return how many events were published
     */
    public int announce() {
        int published = 0;
        for (BackupCopy copy : catalog.unannounced()) {
            try {
                publisher.publish(event(copy));
                catalog.markAnnounced(copy);
                published++;
            } catch (RuntimeException e) {
                log.warn(
                        "Could not announce copy {} ({}); retried on the next run: {}",
                        copy.describe(),
                        copy.state(),
                        e.toString());
            }
        }
        return published;
    }

    /**
     * The event announcing {@code copy}'s current state; its time is the state's, so a re-publish is the same event
     * (same id, same {@code occurredAt}).
     */
    BackupCopyUpdated event(BackupCopy copy) {
        return new BackupCopyUpdated(
                copy.eventId(),
                copy.updatedAt(),
                BackupCopyUpdated.SCHEMA_VERSION,
                copy.backupId(),
                copy.targetId(),
                copy.copyId(),
                copy.state().announced(),
                copy.prefix(),
                copy.objects(),
                copy.bytes(),
                copy.sha256(),
                copy.detail());
    }
}
