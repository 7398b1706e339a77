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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link AlertStore} on {@code scheduler.alerts} and {@code scheduler.alert_watch} (Flyway V7). */
@Repository
public class JdbcAlertStore implements AlertStore {

    /** The columns set once, when the alert is opened. */
    private static final List<String> FIXED = List.of("alert_id", "target_id", "kind", "dedup_key", "opened_at");

    /** The columns {@link #update} may change. */
    private static final List<String> CHANGING = List.of(
            "severity",
            "state",
            "escalation_level",
            "summary",
            "details",
            "backup_id",
            "last_sent_at",
            "resolved_at",
            "pending_publish");

    private static final String COLUMNS = String.join(", ", FIXED) + ", " + String.join(", ", CHANGING);

    private static final String INSERT = "insert into scheduler.alerts (" + COLUMNS + ") values ("
            + Stream.concat(FIXED.stream(), CHANGING.stream()).map(c -> ":" + c).collect(Collectors.joining(", "))
            + ") on conflict (dedup_key) where state <> 'RESOLVED' do nothing";

    private static final String UPDATE = "update scheduler.alerts set "
            + CHANGING.stream().map(c -> c + " = :" + c).collect(Collectors.joining(", "))
            + " where alert_id = :alert_id";

    private final JdbcClient jdbc;

    public JdbcAlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Alert> unresolved() {
        return select("where state <> 'RESOLVED' order by opened_at", Map.of());
    }

    @Override
    public boolean insert(Alert a) {
        return jdbc.sql(INSERT).params(values(a)).update() > 0;
    }

    @Override
    public void update(Alert a) {
        jdbc.sql(UPDATE).params(values(a)).update();
    }

    @Override
    public List<Alert> pendingPublish() {
        return select("where pending_publish order by coalesce(resolved_at, last_sent_at), alert_id", Map.of());
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
        String where = "where (cast(:target as text) is null or target_id = cast(:target as text))";
        if (unresolved != null) {
            where += unresolved ? " and state <> 'RESOLVED'" : " and state = 'RESOLVED'";
        }
        Map<String, Object> params = new HashMap<>();
        params.put("target", targetId); // null: every target
        params.put("limit", limit);
        return select(where + " order by opened_at desc, alert_id limit :limit", params);
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

    /** The alerts of {@code select <all columns> from scheduler.alerts <condition>} with the named {@code params}. */
    private List<Alert> select(String condition, Map<String, ?> params) {
        return jdbc.sql("select " + COLUMNS + " from scheduler.alerts " + condition)
                .params(params)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Each column's parameter value of {@code a}, by column name (SQL NULL as null). */
    private static Map<String, Object> values(Alert a) {
        Map<String, Object> values = new HashMap<>();
        values.put("alert_id", a.alertId());
        values.put("target_id", a.targetId());
        values.put("kind", a.kind().name());
        values.put("dedup_key", a.dedupKey());
        values.put("opened_at", ts(a.openedAt()));
        values.put("severity", a.severity().name());
        values.put("state", a.state().name());
        values.put("escalation_level", a.escalationLevel());
        values.put("summary", a.summary());
        values.put("details", a.details());
        values.put("backup_id", a.backupId());
        values.put("last_sent_at", ts(a.lastSentAt()));
        values.put("resolved_at", ts(a.resolvedAt()));
        values.put("pending_publish", a.pendingPublish());
        return values;
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
