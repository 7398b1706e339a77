package io.bulwark.retention.adapter.persistence;

import io.bulwark.retention.application.CopyCatalog;
import io.bulwark.retention.domain.BackupCopy;
import io.bulwark.retention.domain.CopyStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link CopyCatalog} in the table {@code retention.copies} (Flyway V3). */
@Repository
public class JdbcCopyCatalog implements CopyCatalog {

    private static final String COLUMNS = "c.backup_id, c.copy_id, c.target_id, c.prefix, c.completed_at, c.state,"
            + " c.attempts, c.sha256, c.objects, c.bytes, c.detail, c.published_state, c.updated_at";

    private final JdbcClient jdbc;

    public JdbcCopyCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void enqueue(List<BackupCopy> pending) {
        for (BackupCopy copy : pending) {
            jdbc.sql("""
                            INSERT INTO retention.copies
                                (backup_id, copy_id, target_id, prefix, completed_at, state, updated_at)
                            VALUES (:backupId, :copyId, :targetId, :prefix, :completedAt, :state, :updatedAt)
                            ON CONFLICT (backup_id, copy_id) DO NOTHING
                            """)
                    .param("backupId", copy.backupId())
                    .param("copyId", copy.copyId())
                    .param("targetId", copy.targetId())
                    .param("prefix", copy.prefix())
                    .param("completedAt", Timestamp.from(copy.completedAt()))
                    .param("state", copy.state().name())
                    .param("updatedAt", Timestamp.from(copy.updatedAt()))
                    .update();
        }
    }

    @Override
    public List<BackupCopy> due(String copyId) {
        return select("""
                FROM retention.copies c
                JOIN retention.backups b ON b.backup_id = c.backup_id AND b.deleted_at IS NULL
                WHERE c.copy_id = :copyId AND c.state IN ('PENDING', 'FAILED')
                ORDER BY c.updated_at, c.backup_id
                """, Map.of("copyId", copyId));
    }

    @Override
    public List<BackupCopy> copied(String copyId) {
        return select(
                "FROM retention.copies c WHERE c.copy_id = :copyId AND c.state = 'COPIED'", Map.of("copyId", copyId));
    }

    @Override
    public List<BackupCopy> unannounced() {
        return select("""
                FROM retention.copies c
                WHERE c.state <> 'PENDING' AND c.published_state IS DISTINCT FROM c.state
                ORDER BY c.updated_at
                """, Map.of());
    }

    @Override
    public List<BackupCopy> of(UUID backupId) {
        return select(
                "FROM retention.copies c WHERE c.backup_id = :backupId ORDER BY c.copy_id",
                Map.of("backupId", backupId));
    }

    @Override
    public boolean save(BackupCopy copy, CopyStatus previous) {
        return jdbc.sql("""
                        UPDATE retention.copies
                        SET state = :state, attempts = :attempts, sha256 = :sha256, objects = :objects, bytes = :bytes,
                            detail = :detail, updated_at = :updatedAt
                        WHERE backup_id = :backupId AND copy_id = :copyId AND state = :previous
                        """)
                        .param("state", copy.state().name())
                        .param("attempts", copy.attempts())
                        .param("sha256", copy.sha256())
                        .param("objects", copy.objects())
                        .param("bytes", copy.bytes())
                        .param("detail", copy.detail())
                        .param("updatedAt", Timestamp.from(copy.updatedAt()))
                        .param("backupId", copy.backupId())
                        .param("copyId", copy.copyId())
                        .param("previous", previous.name())
                        .update()
                > 0;
    }

    @Override
    public void markAnnounced(BackupCopy copy) {
        jdbc.sql("""
                        UPDATE retention.copies SET published_state = :state
                        WHERE backup_id = :backupId AND copy_id = :copyId AND state = :state
                        """)
                .param("state", copy.state().name())
                .param("backupId", copy.backupId())
                .param("copyId", copy.copyId())
                .update();
    }

    /**
     * The copies a query finds.
     *
     * @param fromWhere the query after its column list: {@code FROM retention.copies c ...}
     * @param params its named parameters
     */
    private List<BackupCopy> select(String fromWhere, Map<String, ?> params) {
        return jdbc.sql("SELECT " + COLUMNS + " " + fromWhere)
                .params(params)
                .query(JdbcCopyCatalog::toCopy)
                .list();
    }

    private static BackupCopy toCopy(ResultSet rs, int row) throws SQLException {
        String announced = rs.getString("published_state");
        return new BackupCopy(
                rs.getObject("backup_id", UUID.class),
                rs.getString("copy_id"),
                rs.getString("target_id"),
                rs.getString("prefix"),
                rs.getTimestamp("completed_at").toInstant(),
                CopyStatus.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                rs.getString("sha256"),
                rs.getInt("objects"),
                rs.getLong("bytes"),
                rs.getString("detail"),
                announced == null ? null : CopyStatus.valueOf(announced),
                rs.getTimestamp("updated_at").toInstant());
    }
}
