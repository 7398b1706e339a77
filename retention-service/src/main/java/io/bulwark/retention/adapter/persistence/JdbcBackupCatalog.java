package io.bulwark.retention.adapter.persistence;

import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.retention.application.BackupCatalog;
import io.bulwark.retention.domain.CatalogedBackup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link BackupCatalog} in the tables {@code retention.backups} and {@code
 * retention.processed_events}, with the standing holds of {@code retention.holds}. Table names are schema-qualified, so the JDBC URL needs no {@code
 * currentSchema}.
 */
@Repository
public class JdbcBackupCatalog implements BackupCatalog {

    private final JdbcClient jdbc;

    public JdbcBackupCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean processed(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM retention.processed_events WHERE event_id = :eventId")
                        .param("eventId", eventId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    @Transactional
    public boolean recordVerification(UUID eventId, CatalogedBackup backup, Instant verifiedAt) {
        int fresh = jdbc.sql(
                        "INSERT INTO retention.processed_events (event_id) VALUES (:eventId) ON CONFLICT DO NOTHING")
                .param("eventId", eventId)
                .update();
        if (fresh == 0) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO retention.backups
                            (backup_id, target_id, prefix, tier, completed_at, outcome, verified_at)
                        VALUES (:backupId, :targetId, :prefix, :tier, :completedAt, :outcome, :verifiedAt)
                        ON CONFLICT (backup_id) DO UPDATE
                            SET outcome = EXCLUDED.outcome, verified_at = EXCLUDED.verified_at
                            WHERE retention.backups.deleted_at IS NULL
                              AND retention.backups.verified_at <= EXCLUDED.verified_at
                        """)
                .param("backupId", backup.backupId())
                .param("targetId", backup.targetId())
                .param("prefix", backup.prefix())
                .param("tier", backup.tier() == null ? null : backup.tier().name())
                .param("completedAt", Timestamp.from(backup.completedAt()))
                .param(
                        "outcome",
                        backup.outcome() == null ? null : backup.outcome().name())
                .param("verifiedAt", Timestamp.from(verifiedAt))
                .update();
        return true;
    }

    /** The columns of {@link #toBackup}: a backup with the reason of its standing hold (alias {@code hold}). */
    static final String BACKUP_WITH_HOLD = """
            SELECT b.backup_id, b.target_id, b.prefix, b.tier, b.completed_at, b.outcome, h.reason AS hold
            FROM retention.backups b
            LEFT JOIN retention.holds h ON h.backup_id = b.backup_id AND (h.until IS NULL OR h.until > now())
            """;

    @Override
    public Optional<CatalogedBackup> find(UUID backupId) {
        return jdbc.sql(BACKUP_WITH_HOLD + " WHERE b.backup_id = :backupId AND b.deleted_at IS NULL")
                .param("backupId", backupId)
                .query(JdbcBackupCatalog::toBackup)
                .optional();
    }

    @Override
    public List<CatalogedBackup> liveBackups(String targetId) {
        return jdbc.sql(BACKUP_WITH_HOLD
                        + " WHERE b.target_id = :targetId AND b.deleted_at IS NULL AND b.deleting_since IS NULL")
                .param("targetId", targetId)
                .query(JdbcBackupCatalog::toBackup)
                .list();
    }

    @Override
    public List<String> targetsWithLiveBackups() {
        return jdbc.sql("SELECT DISTINCT target_id FROM retention.backups WHERE deleted_at IS NULL ORDER BY target_id")
                .query(String.class)
                .list();
    }

    @Override
    public void markDeleted(UUID backupId, Instant deletedAt) {
        jdbc.sql(
                        "UPDATE retention.backups SET deleted_at = :deletedAt WHERE backup_id = :backupId AND deleted_at IS NULL")
                .param("deletedAt", Timestamp.from(deletedAt))
                .param("backupId", backupId)
                .update();
    }

    /** One row of {@link #BACKUP_WITH_HOLD}. */
    static CatalogedBackup toBackup(ResultSet rs, int row) throws SQLException {
        String tier = rs.getString("tier");
        String outcome = rs.getString("outcome");
        return new CatalogedBackup(
                rs.getObject("backup_id", UUID.class),
                rs.getString("target_id"),
                rs.getString("prefix"),
                tier == null ? null : Tier.valueOf(tier),
                rs.getTimestamp("completed_at").toInstant(),
                outcome == null ? null : Outcome.valueOf(outcome),
                rs.getString("hold"));
    }
}
