package io.bulwark.scheduler.adapter.persistence;

import io.bulwark.contracts.CopyState;
import io.bulwark.scheduler.application.CopyCatalog;
import io.bulwark.scheduler.domain.BackupCopy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link CopyCatalog} in {@code scheduler.backup_copies} (Flyway V9): one upsert guarded by the event time. */
@Repository
public class JdbcCopyCatalog implements CopyCatalog {

    private final JdbcClient jdbc;

    public JdbcCopyCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean saveIfNewer(BackupCopy copy) {
        return jdbc.sql("""
                        insert into scheduler.backup_copies
                            (backup_id, copy_id, state, sha256, objects, bytes, detail, event_id, updated_at)
                        values (:backupId, :copyId, :state, :sha256, :objects, :bytes, :detail, :eventId, :updatedAt)
                        on conflict (backup_id, copy_id) do update
                            set state = excluded.state, sha256 = excluded.sha256, objects = excluded.objects,
                                bytes = excluded.bytes, detail = excluded.detail, event_id = excluded.event_id,
                                updated_at = excluded.updated_at
                            where scheduler.backup_copies.updated_at < excluded.updated_at
                        """)
                        .param("backupId", copy.backupId())
                        .param("copyId", copy.copyId())
                        .param("state", copy.state().name())
                        .param("sha256", copy.sha256())
                        .param("objects", copy.objects())
                        .param("bytes", copy.bytes())
                        .param("detail", copy.detail())
                        .param("eventId", copy.eventId())
                        .param("updatedAt", Timestamp.from(copy.updatedAt()))
                        .update()
                > 0;
    }

    @Override
    public List<BackupCopy> of(UUID backupId) {
        return jdbc.sql("""
                        select backup_id, copy_id, state, sha256, objects, bytes, detail, event_id, updated_at
                        from scheduler.backup_copies where backup_id = :backupId order by copy_id
                        """)
                .param("backupId", backupId)
                .query(JdbcCopyCatalog::toCopy)
                .list();
    }

    private static BackupCopy toCopy(ResultSet rs, int row) throws SQLException {
        return new BackupCopy(
                rs.getObject("backup_id", UUID.class),
                rs.getString("copy_id"),
                CopyState.valueOf(rs.getString("state")),
                rs.getString("sha256"),
                rs.getInt("objects"),
                rs.getLong("bytes"),
                rs.getString("detail"),
                rs.getObject("event_id", UUID.class),
                rs.getTimestamp("updated_at").toInstant());
    }
}
