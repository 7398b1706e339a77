package io.bulwark.scheduler.adapter.persistence;

import static io.bulwark.scheduler.adapter.persistence.JdbcValues.instant;
import static io.bulwark.scheduler.adapter.persistence.JdbcValues.ts;

import io.bulwark.contracts.AlertKind;
import io.bulwark.contracts.AlertSeverity;
import io.bulwark.contracts.AlertState;
import io.bulwark.scheduler.application.alerts.AlertStore;
import io.bulwark.scheduler.domain.alerts.Alert;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link AlertStore} on {@code scheduler.alerts} and {@code scheduler.alert_watch} (Flyway V7). */
@Repository
public class JdbcAlertStore implements AlertStore {

    private static final String COLUMNS = "alert_id, target_id, kind, dedup_key, severity, state, escalation_level,"
            + " summary, details, backup_id, opened_at, last_sent_at, resolved_at, pending_publish";

    private final JdbcClient jdbc;

    public JdbcAlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Alert> unresolved() {
        return jdbc.sql("select " + COLUMNS + " from scheduler.alerts where state <> 'RESOLVED' order by opened_at")
                .query((rs, n) -> map(rs))
                .list();
    }

    @Override
    public boolean insert(Alert a) {
        return jdbc.sql("insert into scheduler.alerts (" + COLUMNS + ")"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict (dedup_key) where state <> 'RESOLVED' do nothing")
                        .params(
                                a.alertId(),
                                a.targetId(),
                                a.kind().name(),
                                a.dedupKey(),
                                a.severity().name(),
                                a.state().name(),
                                a.escalationLevel(),
                                a.summary(),
                                a.details(),
                                a.backupId(),
                                ts(a.openedAt()),
                                ts(a.lastSentAt()),
                                ts(a.resolvedAt()),
                                a.pendingPublish())
                        .update()
                > 0;
    }

    @Override
    public void update(Alert a) {
        jdbc.sql("update scheduler.alerts set severity = ?, state = ?, escalation_level = ?, summary = ?, details = ?,"
                        + " backup_id = ?, last_sent_at = ?, resolved_at = ?, pending_publish = ? where alert_id = ?")
                .params(
                        a.severity().name(),
                        a.state().name(),
                        a.escalationLevel(),
                        a.summary(),
                        a.details(),
                        a.backupId(),
                        ts(a.lastSentAt()),
                        ts(a.resolvedAt()),
                        a.pendingPublish(),
                        a.alertId())
                .update();
    }

    @Override
    public List<Alert> pendingPublish() {
        return jdbc.sql("select " + COLUMNS + " from scheduler.alerts where pending_publish"
                        + " order by coalesce(resolved_at, last_sent_at), alert_id")
                .query((rs, n) -> map(rs))
                .list();
    }

    @Override
    public void markPublished(UUID alertId, AlertState state, int level) {
        jdbc.sql("update scheduler.alerts set pending_publish = false"
                        + " where alert_id = ? and state = ? and escalation_level = ?")
                .params(alertId, state.name(), level)
                .update();
    }

    @Override
    public List<Alert> list(Boolean unresolved, String targetId, int limit) {
        String where = " where (cast(:target as text) is null or target_id = cast(:target as text))";
        if (unresolved != null) {
            where += unresolved ? " and state <> 'RESOLVED'" : " and state = 'RESOLVED'";
        }
        return jdbc.sql("select " + COLUMNS + " from scheduler.alerts" + where
                        + " order by opened_at desc, alert_id limit :limit")
                .param("target", targetId)
                .param("limit", limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    @Override
    public Instant watchedSince(String targetId, Instant now) {
        jdbc.sql("insert into scheduler.alert_watch (target_id, watched_since) values (?, ?)"
                        + " on conflict (target_id) do nothing")
                .params(targetId, ts(now))
                .update();
        return jdbc.sql("select watched_since from scheduler.alert_watch where target_id = ?")
                .param(targetId)
                .query((rs, n) -> instant(rs, "watched_since"))
                .single();
    }

    @Override
    public Map<AlertKind, Long> unresolvedByKind() {
        Map<AlertKind, Long> counts = new EnumMap<>(AlertKind.class);
        jdbc.sql("select kind, count(*) as n from scheduler.alerts where state <> 'RESOLVED' group by kind")
                .query(rs -> {
                    counts.put(AlertKind.valueOf(rs.getString("kind")), rs.getLong("n"));
                });
        return counts;
    }

    private static Alert map(ResultSet rs) throws SQLException {
        return new Alert(
                rs.getObject("alert_id", UUID.class),
                rs.getString("target_id"),
                AlertKind.valueOf(rs.getString("kind")),
                rs.getString("dedup_key"),
                AlertSeverity.valueOf(rs.getString("severity")),
                AlertState.valueOf(rs.getString("state")),
                rs.getInt("escalation_level"),
                rs.getString("summary"),
                rs.getString("details"),
                rs.getObject("backup_id", UUID.class),
                instant(rs, "opened_at"),
                instant(rs, "last_sent_at"),
                instant(rs, "resolved_at"),
                rs.getBoolean("pending_publish"));
    }
}
