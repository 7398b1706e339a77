package io.bulwark.scheduler.adapter.persistence;

import static io.bulwark.scheduler.adapter.persistence.JdbcValues.instant;
import static io.bulwark.scheduler.adapter.persistence.JdbcValues.name;
import static io.bulwark.scheduler.adapter.persistence.JdbcValues.parse;
import static io.bulwark.scheduler.adapter.persistence.JdbcValues.strings;
import static io.bulwark.scheduler.adapter.persistence.JdbcValues.textArray;
import static io.bulwark.scheduler.adapter.persistence.JdbcValues.ts;

import io.bulwark.contracts.DeletionReason;
import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import io.bulwark.scheduler.application.BackupCatalog;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.BackupState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link BackupCatalog} on PostgreSQL. Locks are transaction-scoped advisory locks ({@code
 * pg_advisory_xact_lock}, PostgreSQL docs "Advisory Lock Functions") keyed by the backup id, so they
 * also serialize the first insert of a backup. Thread-safe.
 */
@Repository
public class JdbcBackupCatalog implements BackupCatalog {

    private static final String COLUMNS = """
            backup_id, request_id, target_id, state, trigger, schedule_id, tier, label, requested_by,
            requested_at, completed_at, prefix, artifact_key, manifest_key, stored_bytes,
            verification_outcome, failed_checks, report_key, verified_at, verification_event_id,
            verification_retryable, failure_reason, failure_message, failure_exit_code, failed_at, deletion_reason, deleted_at,
            first_seen_at, updated_at, report_page_key""";

    /** The timing columns (V5), written by their own statement in {@link #save}. */
    private static final String TIMINGS = "started_at, dump_millis, verify_millis, restore_millis";

    /** Every column {@link #map} reads. */
    private static final String SELECTED = COLUMNS + ", " + TIMINGS;

    private final JdbcClient jdbc;

    public JdbcBackupCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lock(UUID backupId) {
        long key = backupId.getMostSignificantBits() ^ backupId.getLeastSignificantBits();
        jdbc.sql("select pg_advisory_xact_lock(?)")
                .param(key)
                .query((rs, n) -> 1)
                .list();
    }

    @Override
    public boolean markProcessed(UUID eventId, String eventType, Instant at) {
        return jdbc.sql("""
                        insert into scheduler.processed_events (event_id, event_type, processed_at)
                        values (?, ?, ?) on conflict (event_id) do nothing""").param(eventId).param(eventType).param(ts(at)).update() == 1;
    }

    @Override
    public Optional<Backup> find(UUID backupId) {
        return jdbc.sql("select " + SELECTED + " from scheduler.backups where backup_id = ?")
                .param(backupId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    @Override
    public void save(Backup b) {
        jdbc.sql("insert into scheduler.backups (" + COLUMNS + ")"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (backup_id) do update set"
                        + " request_id = excluded.request_id, target_id = excluded.target_id, state = excluded.state,"
                        + " trigger = excluded.trigger, schedule_id = excluded.schedule_id, tier = excluded.tier,"
                        + " label = excluded.label, requested_by = excluded.requested_by,"
                        + " requested_at = excluded.requested_at, completed_at = excluded.completed_at,"
                        + " prefix = excluded.prefix, artifact_key = excluded.artifact_key,"
                        + " manifest_key = excluded.manifest_key, stored_bytes = excluded.stored_bytes,"
                        + " verification_outcome = excluded.verification_outcome,"
                        + " failed_checks = excluded.failed_checks, report_key = excluded.report_key,"
                        + " verified_at = excluded.verified_at, verification_event_id = excluded.verification_event_id,"
                        + " verification_retryable = excluded.verification_retryable,"
                        + " failure_reason = excluded.failure_reason, failure_message = excluded.failure_message,"
                        + " failure_exit_code = excluded.failure_exit_code, failed_at = excluded.failed_at,"
                        + " deletion_reason = excluded.deletion_reason, deleted_at = excluded.deleted_at,"
                        + " updated_at = excluded.updated_at, report_page_key = excluded.report_page_key")
                .param(b.backupId())
                .param(b.requestId())
                .param(b.targetId())
                .param(b.state().name())
                .param(name(b.trigger()))
                .param(b.scheduleId())
                .param(name(b.tier()))
                .param(b.label())
                .param(b.requestedBy())
                .param(ts(b.requestedAt()))
                .param(ts(b.completedAt()))
                .param(b.prefix())
                .param(b.artifactKey())
                .param(b.manifestKey())
                .param(b.storedBytes())
                .param(name(b.verificationOutcome()))
                .param(textArray(b.failedChecks()))
                .param(b.reportKey())
                .param(ts(b.verifiedAt()))
                .param(b.verificationEventId())
                .param(b.verificationRetryable())
                .param(name(b.failureReason()))
                .param(b.failureMessage())
                .param(b.failureExitCode())
                .param(ts(b.failedAt()))
                .param(name(b.deletionReason()))
                .param(ts(b.deletedAt()))
                .param(ts(b.firstSeenAt()))
                .param(ts(b.updatedAt()))
                .param(b.reportPageKey())
                .update();
        jdbc.sql("update scheduler.backups set started_at = ?, dump_millis = ?, verify_millis = ?, restore_millis = ?"
                        + " where backup_id = ?")
                .param(ts(b.startedAt()))
                .param(b.dumpMillis())
                .param(b.verifyMillis())
                .param(b.restoreMillis())
                .param(b.backupId())
                .update();
    }

    @Override
    public List<Backup> list(String targetId, BackupState state, int limit) {
        return jdbc.sql("select " + SELECTED + " from scheduler.backups"
                        + " where (cast(:target as varchar) is null or target_id = :target)"
                        + " and (cast(:state as varchar) is null or state = :state)"
                        + " order by sort_at desc, backup_id limit :limit")
                .param("target", targetId)
                .param("state", name(state))
                .param("limit", limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    @Override
    public Optional<Backup> newestVerified(String targetId, Instant at) {
        return jdbc.sql("select " + SELECTED + " from scheduler.backups"
                        + " where target_id = :target and state = 'VERIFIED' and prefix is not null"
                        + " and (cast(:at as timestamptz) is null"
                        + " or coalesce(completed_at, sort_at) <= cast(:at as timestamptz))"
                        + " order by coalesce(completed_at, sort_at) desc, backup_id limit 1")
                .param("target", targetId)
                .param("at", ts(at))
                .query((rs, n) -> map(rs))
                .optional();
    }

    @Override
    public List<ReverifyCandidate> dueForReverification(Instant now, Duration backoff, int maxRequests, int limit) {
        return jdbc.sql("select backup_id, reverify_requests from scheduler.backups"
                        + " where state = 'VERIFICATION_ERROR' and prefix is not null and manifest_key is not null"
                        + " and reverify_requests < :max and verification_retryable is distinct from false"
                        + " and greatest(verified_at, reverify_requested_at)"
                        + " < cast(:now as timestamptz) - make_interval(secs => :backoff * power(2, reverify_requests))"
                        + " order by verified_at, backup_id limit :limit")
                .param("max", maxRequests)
                .param("now", ts(now))
                .param("backoff", backoff.toMillis() / 1000.0)
                .param("limit", limit)
                .query((rs, n) -> new ReverifyCandidate(rs.getObject(1, UUID.class), rs.getInt(2)))
                .list();
    }

    @Override
    public boolean claimReverification(ReverifyCandidate candidate, Instant now) {
        return jdbc.sql("update scheduler.backups set reverify_requests = reverify_requests + 1,"
                                + " reverify_requested_at = ? where backup_id = ? and reverify_requests = ?"
                                + " and state = 'VERIFICATION_ERROR'")
                        .param(ts(now))
                        .param(candidate.backupId())
                        .param(candidate.requests())
                        .update()
                == 1;
    }

    private static Backup map(ResultSet rs) throws SQLException {
        return Backup.builder()
                .backupId(rs.getObject("backup_id", UUID.class))
                .requestId(rs.getObject("request_id", UUID.class))
                .targetId(rs.getString("target_id"))
                .state(BackupState.valueOf(rs.getString("state")))
                .trigger(parse(rs.getString("trigger"), Trigger::valueOf))
                .scheduleId(rs.getString("schedule_id"))
                .tier(parse(rs.getString("tier"), Tier::valueOf))
                .label(rs.getString("label"))
                .requestedBy(rs.getString("requested_by"))
                .requestedAt(instant(rs, "requested_at"))
                .completedAt(instant(rs, "completed_at"))
                .prefix(rs.getString("prefix"))
                .artifactKey(rs.getString("artifact_key"))
                .manifestKey(rs.getString("manifest_key"))
                .storedBytes(rs.getObject("stored_bytes", Long.class))
                .verificationOutcome(parse(rs.getString("verification_outcome"), Outcome::valueOf))
                .failedChecks(strings(rs.getArray("failed_checks")))
                .reportKey(rs.getString("report_key"))
                .verifiedAt(instant(rs, "verified_at"))
                .verificationEventId(rs.getObject("verification_event_id", UUID.class))
                .verificationRetryable(rs.getObject("verification_retryable", Boolean.class))
                .failureReason(parse(rs.getString("failure_reason"), FailureReason::valueOf))
                .failureMessage(rs.getString("failure_message"))
                .failureExitCode(rs.getObject("failure_exit_code", Integer.class))
                .failedAt(instant(rs, "failed_at"))
                .deletionReason(parse(rs.getString("deletion_reason"), DeletionReason::valueOf))
                .deletedAt(instant(rs, "deleted_at"))
                .firstSeenAt(instant(rs, "first_seen_at"))
                .updatedAt(instant(rs, "updated_at"))
                .startedAt(instant(rs, "started_at"))
                .dumpMillis(rs.getObject("dump_millis", Long.class))
                .verifyMillis(rs.getObject("verify_millis", Long.class))
                .restoreMillis(rs.getObject("restore_millis", Long.class))
                .reportPageKey(rs.getString("report_page_key"))
                .build();
    }
}
