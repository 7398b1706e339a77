package io.bulwark.retention.adapter.persistence;

import io.bulwark.retention.application.HoldStore;
import io.bulwark.retention.domain.Hold;
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
 * {@link HoldStore} in {@code retention.holds} (one row per held backup) and {@code retention.hold_releases} (the
 * audit of releases). A hold is placed only on a backup that is neither deleted nor being deleted, checked in the
 * same statement.
 */
@Repository
public class JdbcHoldStore implements HoldStore {

    private static final String COLUMNS = "backup_id, reason, held_by, held_at, until";

    private final JdbcClient jdbc;

    public JdbcHoldStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Hold> find(UUID backupId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM retention.holds WHERE backup_id = :backupId")
                .param("backupId", backupId)
                .query(JdbcHoldStore::toHold)
                .optional();
    }

    @Override
    public boolean place(Hold hold) {
        return jdbc.sql("""
                        INSERT INTO retention.holds (backup_id, reason, held_by, held_at, until)
                        SELECT :backupId, :reason, :heldBy, :heldAt, :until
                        WHERE EXISTS (SELECT 1 FROM retention.backups
                                      WHERE backup_id = :backupId AND deleted_at IS NULL AND deleting_since IS NULL)
                        ON CONFLICT (backup_id) DO NOTHING
                        """)
                        .param("backupId", hold.backupId())
                        .param("reason", hold.reason())
                        .param("heldBy", hold.heldBy())
                        .param("heldAt", Timestamp.from(hold.heldAt()))
                        .param("until", hold.until() == null ? null : Timestamp.from(hold.until()))
                        .update()
                > 0;
    }

    @Override
    @Transactional
    public Optional<Hold> release(UUID backupId, String releasedBy, Instant releasedAt) {
        Optional<Hold> released = jdbc.sql(
                        "DELETE FROM retention.holds WHERE backup_id = :backupId RETURNING " + COLUMNS)
                .param("backupId", backupId)
                .query(JdbcHoldStore::toHold)
                .optional();
        released.ifPresent(hold -> jdbc.sql("""
                        INSERT INTO retention.hold_releases
                            (backup_id, reason, held_by, held_at, until, released_by, released_at)
                        VALUES (:backupId, :reason, :heldBy, :heldAt, :until, :releasedBy, :releasedAt)
                        """)
                .param("backupId", hold.backupId())
                .param("reason", hold.reason())
                .param("heldBy", hold.heldBy())
                .param("heldAt", Timestamp.from(hold.heldAt()))
                .param("until", hold.until() == null ? null : Timestamp.from(hold.until()))
                .param("releasedBy", releasedBy)
                .param("releasedAt", Timestamp.from(releasedAt))
                .update());
        return released;
    }

    @Override
    public List<Hold> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM retention.holds ORDER BY held_at DESC, backup_id")
                .query(JdbcHoldStore::toHold)
                .list();
    }

    private static Hold toHold(ResultSet rs, int row) throws SQLException {
        Timestamp until = rs.getTimestamp("until");
        return new Hold(
                rs.getObject("backup_id", UUID.class),
                rs.getString("reason"),
                rs.getString("held_by"),
                rs.getTimestamp("held_at").toInstant(),
                until == null ? null : until.toInstant());
    }
}
