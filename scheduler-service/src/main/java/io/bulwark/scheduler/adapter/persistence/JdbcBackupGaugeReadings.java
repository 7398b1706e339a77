package io.bulwark.scheduler.adapter.persistence;

import io.bulwark.scheduler.application.BackupGaugeReadings;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link BackupGaugeReadings} over the projection table {@code scheduler.backups}: two grouped queries, each one
 * pass over the table's target index. Thread-safe.
 */
@Repository
public class JdbcBackupGaugeReadings implements BackupGaugeReadings {

    private final JdbcClient jdbc;

    /** @param jdbc the scheduler's database */
    public JdbcBackupGaugeReadings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Instant> lastVerifiedBackups() {
        Map<String, Instant> result = new HashMap<>();
        jdbc.sql("""
                        select target_id, max(coalesce(completed_at, verified_at)) as at
                        from scheduler.backups
                        where state = 'VERIFIED'
                        group by target_id
                        """)
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp("at");
                    if (at != null) {
                        result.put(rs.getString("target_id"), at.toInstant());
                    }
                    return null;
                })
                .list();
        return result;
    }

    @Override
    public Map<String, Map<String, Long>> backupCounts() {
        Map<String, Map<String, Long>> result = new HashMap<>();
        jdbc.sql("select target_id, state, count(*) as n from scheduler.backups group by target_id, state")
                .query((rs, n) -> {
                    result.computeIfAbsent(rs.getString("target_id"), t -> new HashMap<>())
                            .put(rs.getString("state"), rs.getLong("n"));
                    return null;
                })
                .list();
        return result;
    }
}
