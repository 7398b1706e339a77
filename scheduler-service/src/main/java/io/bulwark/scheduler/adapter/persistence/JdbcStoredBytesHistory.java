package io.bulwark.scheduler.adapter.persistence;

import static io.bulwark.scheduler.adapter.persistence.JdbcValues.ts;

import io.bulwark.scheduler.application.reports.StoredBytesHistory;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link StoredBytesHistory} on the backup projection {@code scheduler.backups}: a backup counts from its {@code
 * completed_at} until its {@code deleted_at}; a DELETED backup without a deletion time never counts. Read-only,
 * thread-safe.
 */
@Repository
public class JdbcStoredBytesHistory implements StoredBytesHistory {

    private final JdbcClient jdbc;

    public JdbcStoredBytesHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long storedBytesAt(String targetId, Instant at) {
        return jdbc.sql("""
                        select coalesce(sum(stored_bytes), 0) from scheduler.backups
                        where target_id = ? and stored_bytes is not null
                          and completed_at < cast(? as timestamptz)
                          and (deleted_at >= cast(? as timestamptz) or (deleted_at is null and state <> 'DELETED'))""").params(targetId, ts(at), ts(at)).query(Long.class).single();
    }
}
