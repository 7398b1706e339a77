package io.bulwark.scheduler.adapter.persistence;

import static io.bulwark.scheduler.adapter.persistence.JdbcValues.instant;
import static io.bulwark.scheduler.adapter.persistence.JdbcValues.ts;

import io.bulwark.scheduler.application.ActivityCatalog;
import io.bulwark.scheduler.domain.ActiveBackup;
import io.bulwark.scheduler.domain.ActivityPhase;
import io.bulwark.scheduler.domain.BackupProgress;
import io.bulwark.scheduler.domain.BackupState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link ActivityCatalog} on PostgreSQL: the {@code progress_*} columns of {@code scheduler.backups} (V6), which no
 * other projection writes, and the running backups with the size of their target's previous completed backup.
 * Thread-safe.
 */
@Repository
public class JdbcActivityCatalog implements ActivityCatalog {

    private final JdbcClient jdbc;

    public JdbcActivityCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<BackupProgress> progress(UUID backupId) {
        return jdbc.sql("select backup_id, target_id, progress_bytes_read, progress_bytes_written,"
                        + " progress_elapsed_millis, progress_at from scheduler.backups"
                        + " where backup_id = ? and progress_at is not null")
                .param(backupId)
                .query((rs, n) -> new BackupProgress(
                        rs.getObject("backup_id", UUID.class),
                        rs.getString("target_id"),
                        rs.getLong("progress_bytes_read"),
                        rs.getLong("progress_bytes_written"),
                        rs.getLong("progress_elapsed_millis"),
                        instant(rs, "progress_at")))
                .optional();
    }

    @Override
    public void saveProgress(BackupProgress p, Instant now) {
        jdbc.sql("insert into scheduler.backups (backup_id, target_id, state, first_seen_at, updated_at,"
                        + " progress_bytes_read, progress_bytes_written, progress_elapsed_millis, progress_at)"
                        + " values (?, ?, 'REQUESTED', ?, ?, ?, ?, ?, ?)"
                        + " on conflict (backup_id) do update set"
                        + " progress_bytes_read = excluded.progress_bytes_read,"
                        + " progress_bytes_written = excluded.progress_bytes_written,"
                        + " progress_elapsed_millis = excluded.progress_elapsed_millis,"
                        + " progress_at = excluded.progress_at")
                .param(p.backupId())
                .param(p.targetId())
                .param(ts(now))
                .param(ts(now))
                .param(p.bytesRead())
                .param(p.bytesWritten())
                .param(p.elapsedMillis())
                .param(ts(p.at()))
                .update();
    }

    @Override
    public List<ActiveBackup> activeBackups(int limit) {
        return jdbc.sql("select b.backup_id, b.target_id, b.state, b.requested_at, b.completed_at,"
                        + " b.progress_bytes_read, b.progress_bytes_written, b.progress_elapsed_millis, b.progress_at,"
                        + " previous.stored_bytes as expected_bytes"
                        + " from scheduler.backups b"
                        + " left join lateral (select p.stored_bytes from scheduler.backups p"
                        + "   where p.target_id = b.target_id and p.backup_id <> b.backup_id"
                        + "   and p.stored_bytes is not null and p.completed_at is not null"
                        + "   and p.completed_at <= coalesce(b.completed_at, b.requested_at, b.first_seen_at)"
                        + "   order by p.completed_at desc, p.backup_id limit 1) previous on true"
                        + " where b.state in ('REQUESTED', 'COMPLETED')"
                        + " order by b.sort_at desc, b.backup_id limit :limit")
                .param("limit", limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    private static ActiveBackup map(ResultSet rs) throws SQLException {
        boolean progressSeen = rs.getObject("progress_at") != null;
        return new ActiveBackup(
                rs.getObject("backup_id", UUID.class),
                rs.getString("target_id"),
                ActivityPhase.of(BackupState.valueOf(rs.getString("state")), progressSeen),
                instant(rs, "requested_at"),
                instant(rs, "completed_at"),
                rs.getObject("progress_bytes_read", Long.class),
                rs.getObject("progress_bytes_written", Long.class),
                rs.getObject("progress_elapsed_millis", Long.class),
                rs.getObject("expected_bytes", Long.class));
    }
}
