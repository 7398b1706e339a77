package io.bulwark.scheduler.application;

import io.bulwark.scheduler.domain.AuditEntry;
import java.time.Instant;
import java.util.List;

/** Where state-changing API calls are recorded ({@link AuditEntry}); rows are only ever added. */
public interface AuditLog {

    /** The most entries {@link #recent} returns at once. */
    int MAX_LIMIT = 1000;

    /**
     * Records one call.
     *
     * @param entry the call; its id is ignored
     */
    void record(AuditEntry entry);

    /**
     * The newest entries, newest first.
     *
     * @param limit at most this many, 1 to {@link #MAX_LIMIT}
     * @param since only entries at or after this instant, or null for all
     */
    List<AuditEntry> recent(int limit, Instant since);
}
