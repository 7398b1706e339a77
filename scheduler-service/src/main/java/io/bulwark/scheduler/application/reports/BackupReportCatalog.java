package io.bulwark.scheduler.application.reports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: the issued periodic backup reports ({@code scheduler.reports}). */
public interface BackupReportCatalog {

    /** The most reports {@link #recent} returns. */
    int MAX_LIMIT = 100;

    /**
     * Stores a report unless one with its id exists.
     *
     * @return true when it was stored, false when a report with that id was already there (left as it was)
     */
    boolean insertIfAbsent(StoredBackupReport report);

    /** The report with that id, or empty. */
    Optional<StoredBackupReport> find(UUID reportId);

    /**
     * The newest reports by period end (then issue time), newest first.
     *
     * @param limit 1..{@value #MAX_LIMIT}
     * @throws IllegalArgumentException when limit is out of range
     */
    List<StoredBackupReport> recent(int limit);

    /** The reports whose publish is pending, oldest first. */
    List<StoredBackupReport> unpublished();

    /** Records that the broker took the report at {@code at}; a report already marked keeps its first time. */
    void markPublished(UUID reportId, Instant at);
}
