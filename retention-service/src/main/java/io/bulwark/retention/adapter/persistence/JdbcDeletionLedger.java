package io.bulwark.retention.adapter.persistence;

import io.bulwark.contracts.DeletionReason;
import io.bulwark.retention.application.BackupHeldException;
import io.bulwark.retention.application.DeletionIntent;
import io.bulwark.retention.application.DeletionLedger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link DeletionLedger} in the columns {@code deleting_since}, {@code deletion_reason}, {@code deletion_rule},
 * {@code objects_deleted} and {@code bytes_reclaimed} of {@code retention.backups}. The first intent recorded for a
 * backup stands; a backup under a standing hold gets none (checked in the same statement).
 */
@Repository
public class JdbcDeletionLedger implements DeletionLedger {

    private static final String INTENT =
            "deletion_reason, deletion_rule, objects_deleted, bytes_reclaimed, deleting_since";

    private final JdbcClient jdbc;

    public JdbcDeletionLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws BackupHeldException when a standing hold is on the backup */
    @Override
    public DeletionIntent begin(UUID backupId, DeletionIntent intent) {
        int begun = jdbc.sql("""
                        UPDATE retention.backups
                        SET deleting_since = :since, deletion_reason = :reason, deletion_rule = :rule,
                            objects_deleted = :objects, bytes_reclaimed = :bytes
                        WHERE backup_id = :backupId AND deleted_at IS NULL AND deleting_since IS NULL
                          AND NOT EXISTS (SELECT 1 FROM retention.holds h WHERE h.backup_id = :backupId
                                          AND (h.until IS NULL OR h.until > now()))
                        """)
                .param("since", Timestamp.from(intent.since()))
                .param("reason", intent.reason().name())
                .param("rule", intent.rule())
                .param("objects", intent.objects())
                .param("bytes", intent.bytes())
                .param("backupId", backupId)
                .update();
        if (begun > 0) {
            return intent;
        }
        return intentOf(backupId)
                .orElseThrow(() -> new BackupHeldException(
                        "backup " + backupId + " is held, or no longer in the catalog; its deletion did not begin"));
    }

    @Override
    public Optional<DeletionIntent> intentOf(UUID backupId) {
        return jdbc.sql("SELECT " + INTENT + " FROM retention.backups"
                        + " WHERE backup_id = :backupId AND deleted_at IS NULL AND deleting_since IS NOT NULL")
                .param("backupId", backupId)
                .query(JdbcDeletionLedger::toIntent)
                .optional();
    }

    @Override
    public List<Pending> pending() {
        return jdbc.sql(JdbcBackupCatalog.BACKUP_WITH_HOLD.replace("SELECT ", "SELECT " + INTENT + ", ")
                        + " WHERE b.deleted_at IS NULL AND b.deleting_since IS NOT NULL ORDER BY b.deleting_since")
                .query((rs, row) -> new Pending(JdbcBackupCatalog.toBackup(rs, row), toIntent(rs, row)))
                .list();
    }

    private static DeletionIntent toIntent(ResultSet rs, int row) throws SQLException {
        return new DeletionIntent(
                DeletionReason.valueOf(rs.getString("deletion_reason")),
                rs.getString("deletion_rule"),
                rs.getInt("objects_deleted"),
                rs.getLong("bytes_reclaimed"),
                rs.getTimestamp("deleting_since").toInstant());
    }
}
