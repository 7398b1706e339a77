package io.bulwark.scheduler.adapter.persistence;

import static io.bulwark.scheduler.adapter.persistence.JdbcValues.instant;
import static io.bulwark.scheduler.adapter.persistence.JdbcValues.name;
import static io.bulwark.scheduler.adapter.persistence.JdbcValues.parse;
import static io.bulwark.scheduler.adapter.persistence.JdbcValues.strings;
import static io.bulwark.scheduler.adapter.persistence.JdbcValues.textArray;
import static io.bulwark.scheduler.adapter.persistence.JdbcValues.ts;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.RestorePhase;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.RestoreState;
import io.bulwark.contracts.RestoredDatabase;
import io.bulwark.scheduler.application.RestoreCatalog;
import io.bulwark.scheduler.domain.Restore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link RestoreCatalog} on PostgreSQL (table {@code scheduler.restores}); the request, progress and result groups
 * of a {@link Restore} are column groups, present when their event id is set, and the checks, the destination and
 * the timings are JSON ({@link EventJson}) in {@code jsonb} columns. Locks are transaction-scoped advisory locks
 * ({@code pg_advisory_xact_lock(int, int)}) in a key space of their own, keyed by the restore id, so they also
 * serialize the first insert of a restore. Thread-safe.
 */
@Repository
public class JdbcRestoreCatalog implements RestoreCatalog {

    /** The first key of the two-key advisory lock: "Rest" in ASCII, apart from the backups' one-key locks. */
    private static final int LOCK_NAMESPACE = 0x52657374;

    private static final String COLUMNS = """
            restore_id, target_id, backup_id, prefix, state,
            request_event_id, requested_at, requested_by, requested_point, destination_id, destination_target,
            database_name, replace_database, force, jobs, schemas, tables,
            progress_event_id, progress_at, phase, bytes_read, bytes_total, bytes_restored, percent, eta_seconds,
            elapsed_millis,
            result_event_id, finished_at, result_state, reason, message, destination, forced, database_dropped, checks,
            timings, report_key, report_page_key,
            first_seen_at, updated_at""";

    private static final String VALUES = "?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[],"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?::jsonb, ?, ?,"
            + " ?, ?";

    /** Every column but the key and the first sighting, set from the row being inserted. */
    private static final String UPDATES = Arrays.stream(COLUMNS.split(","))
            .map(String::strip)
            .filter(column -> !column.equals("restore_id") && !column.equals("first_seen_at"))
            .map(column -> column + " = excluded." + column)
            .collect(Collectors.joining(", "));

    private final JdbcClient jdbc;

    public JdbcRestoreCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lock(UUID restoreId) {
        jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))")
                .param(LOCK_NAMESPACE)
                .param(restoreId.toString())
                .query((rs, n) -> 1)
                .list();
    }

    @Override
    public boolean markProcessed(UUID eventId, String eventType, Instant at) {
        return jdbc.sql("insert into scheduler.processed_events (event_id, event_type, processed_at)"
                                + " values (?, ?, ?) on conflict (event_id) do nothing")
                        .param(eventId)
                        .param(eventType)
                        .param(ts(at))
                        .update()
                == 1;
    }

    @Override
    public Optional<Restore> find(UUID restoreId) {
        return jdbc.sql("select " + COLUMNS + " from scheduler.restores where restore_id = ?")
                .param(restoreId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    @Override
    public void save(Restore r) {
        Restore.Request q = r.request();
        Restore.Progress p = r.progress();
        Restore.Result s = r.result();
        jdbc.sql("insert into scheduler.restores (" + COLUMNS + ") values (" + VALUES + ")"
                        + " on conflict (restore_id) do update set " + UPDATES)
                .params(
                        r.restoreId(),
                        r.targetId(),
                        r.backupId(),
                        r.prefix(),
                        r.state().name(),
                        q == null ? null : q.eventId(),
                        q == null ? null : ts(q.requestedAt()),
                        q == null ? null : q.requestedBy(),
                        q == null ? null : ts(q.at()),
                        q == null ? null : q.destinationId(),
                        q == null ? null : q.destinationTarget(),
                        q == null ? null : q.database(),
                        q == null ? null : q.replace(),
                        q == null ? null : q.force(),
                        q == null ? null : q.jobs(),
                        textArray(q == null ? List.of() : q.schemas()),
                        textArray(q == null ? List.of() : q.tables()),
                        p == null ? null : p.eventId(),
                        p == null ? null : ts(p.reportedAt()),
                        p == null ? null : name(p.phase()),
                        p == null ? null : p.bytesRead(),
                        p == null ? null : p.bytesTotal(),
                        p == null ? null : p.bytesRestored(),
                        p == null ? null : p.percent(),
                        p == null ? null : p.etaSeconds(),
                        p == null ? null : p.elapsedMillis(),
                        s == null ? null : s.eventId(),
                        s == null ? null : ts(s.finishedAt()),
                        s == null ? null : s.state().name(),
                        s == null ? null : name(s.reason()),
                        s == null ? null : s.message(),
                        s == null || s.destination() == null ? null : json(s.destination()),
                        s == null ? null : s.forced(),
                        s == null ? null : s.databaseDropped(),
                        json(s == null ? List.of() : s.checks()),
                        s == null || s.timings() == null ? null : json(s.timings()),
                        s == null ? null : s.reportKey(),
                        s == null ? null : s.reportPageKey(),
                        ts(r.firstSeenAt()),
                        ts(r.updatedAt()))
                .update();
    }

    @Override
    public List<Restore> list(String targetId, RestoreState state, int limit) {
        return jdbc.sql("select " + COLUMNS + " from scheduler.restores"
                        + " where (cast(:target as varchar) is null or target_id = :target)"
                        + " and (cast(:state as varchar) is null or state = :state)"
                        + " order by sort_at desc, restore_id limit :limit")
                .param("target", targetId)
                .param("state", name(state))
                .param("limit", limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    private static Restore map(ResultSet rs) throws SQLException {
        return new Restore(
                rs.getObject("restore_id", UUID.class),
                rs.getString("target_id"),
                rs.getObject("backup_id", UUID.class),
                rs.getString("prefix"),
                request(rs),
                progress(rs),
                result(rs),
                instant(rs, "first_seen_at"),
                instant(rs, "updated_at"));
    }

    private static Restore.Request request(ResultSet rs) throws SQLException {
        UUID eventId = rs.getObject("request_event_id", UUID.class);
        if (eventId == null) {
            return null;
        }
        return new Restore.Request(
                eventId,
                instant(rs, "requested_point"),
                rs.getString("destination_id"),
                rs.getString("destination_target"),
                rs.getString("database_name"),
                rs.getBoolean("replace_database"),
                strings(rs.getArray("schemas")),
                strings(rs.getArray("tables")),
                rs.getBoolean("force"),
                rs.getObject("jobs", Integer.class),
                rs.getString("requested_by"),
                instant(rs, "requested_at"));
    }

    private static Restore.Progress progress(ResultSet rs) throws SQLException {
        UUID eventId = rs.getObject("progress_event_id", UUID.class);
        if (eventId == null) {
            return null;
        }
        return new Restore.Progress(
                eventId,
                instant(rs, "progress_at"),
                parse(rs.getString("phase"), RestorePhase::valueOf),
                rs.getLong("bytes_read"),
                rs.getLong("bytes_total"),
                rs.getLong("bytes_restored"),
                rs.getInt("percent"),
                rs.getObject("eta_seconds", Long.class),
                rs.getLong("elapsed_millis"));
    }

    private static Restore.Result result(ResultSet rs) throws SQLException {
        UUID eventId = rs.getObject("result_event_id", UUID.class);
        if (eventId == null) {
            return null;
        }
        return new Restore.Result(
                eventId,
                instant(rs, "finished_at"),
                RestoreState.valueOf(rs.getString("result_state")),
                parse(rs.getString("reason"), RestoreFailureReason::valueOf),
                rs.getString("message"),
                parse(rs.getString("destination"), text -> read(text, RestoredDatabase.class)),
                rs.getBoolean("forced"),
                rs.getBoolean("database_dropped"),
                Arrays.asList(read(rs.getString("checks"), CheckResult[].class)),
                parse(rs.getString("timings"), text -> read(text, RestoreReport.Timings.class)),
                rs.getString("report_key"),
                rs.getString("report_page_key"));
    }

    private static String json(Object value) {
        return EventJson.mapper().writeValueAsString(value);
    }

    private static <T> T read(String json, Class<T> type) {
        return EventJson.mapper().readValue(json, type);
    }
}
