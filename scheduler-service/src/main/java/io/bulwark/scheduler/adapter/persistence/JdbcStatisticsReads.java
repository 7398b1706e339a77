package io.bulwark.scheduler.adapter.persistence;

import static io.bulwark.scheduler.adapter.persistence.JdbcValues.instant;
import static io.bulwark.scheduler.adapter.persistence.JdbcValues.parse;
import static io.bulwark.scheduler.adapter.persistence.JdbcValues.strings;
import static io.bulwark.scheduler.adapter.persistence.JdbcValues.ts;

import io.bulwark.contracts.Outcome;
import io.bulwark.scheduler.application.StatisticsReads;
import io.bulwark.scheduler.domain.BackupState;
import io.bulwark.scheduler.domain.TargetHealth;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link StatisticsReads} on the scheduler's PostgreSQL projections ({@code scheduler.backups}, {@code
 * scheduler.restores}). Read-only; every query is filtered by target unless the target is null. Thread-safe.
 */
@Repository
public class JdbcStatisticsReads implements StatisticsReads {

    private static final String OF_TARGET = " (cast(:target as varchar) is null or target_id = :target) ";

    private final JdbcClient jdbc;

    public JdbcStatisticsReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public TargetSnapshot snapshot(String targetId) {
        long[] totals = jdbc.sql("select coalesce(sum(stored_bytes) filter (where state <> 'DELETED'), 0),"
                        + " count(*) filter (where state <> 'DELETED') from scheduler.backups where" + OF_TARGET)
                .param("target", targetId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        LastBackup last = jdbc.sql("select backup_id, state, sort_at from scheduler.backups where" + OF_TARGET
                        + " order by sort_at desc, backup_id limit 1")
                .param("target", targetId)
                .query((rs, n) -> new LastBackup(
                        rs.getObject("backup_id", UUID.class),
                        BackupState.valueOf(rs.getString("state")),
                        instant(rs, "sort_at")))
                .optional()
                .orElse(null);
        VerifiedBackup verified = jdbc.sql("select backup_id, completed_at, verified_at from scheduler.backups where"
                        + OF_TARGET + " and state = 'VERIFIED'"
                        + " order by coalesce(completed_at, verified_at) desc, backup_id limit 1")
                .param("target", targetId)
                .query((rs, n) -> new VerifiedBackup(
                        rs.getObject("backup_id", UUID.class), instant(rs, "completed_at"), instant(rs, "verified_at")))
                .optional()
                .orElse(null);
        TargetHealth.Verification latest = jdbc.sql(
                        "select backup_id, verification_outcome, verified_at, failed_checks from scheduler.backups"
                                + " where" + OF_TARGET + " and verification_outcome is not null"
                                + " order by verified_at desc nulls last, backup_id limit 1")
                .param("target", targetId)
                .query((rs, n) -> new TargetHealth.Verification(
                        rs.getObject("backup_id", UUID.class),
                        Outcome.valueOf(rs.getString("verification_outcome")),
                        instant(rs, "verified_at"),
                        strings(rs.getArray("failed_checks"))))
                .optional()
                .orElse(null);
        Instant failedAt = jdbc.sql("select max(coalesce(failed_at, sort_at)) as at from scheduler.backups where"
                        + OF_TARGET + " and state = 'FAILED'")
                .param("target", targetId)
                .query((rs, n) -> instant(rs, "at"))
                .optional()
                .orElse(null);
        return new TargetSnapshot(totals[0], totals[1], last, verified, latest, failedAt);
    }

    @Override
    public List<BackupSample> backups(String targetId, Instant from, Instant to) {
        return jdbc.sql("select backup_id, target_id, sort_at, state, stored_bytes, completed_at, dump_millis,"
                        + " verified_at, verification_outcome, verify_millis, restore_millis"
                        + " from scheduler.backups where" + OF_TARGET
                        + " and sort_at >= cast(:from as timestamptz) and sort_at <= cast(:to as timestamptz)"
                        + " order by sort_at, backup_id")
                .param("target", targetId)
                .param("from", ts(from))
                .param("to", ts(to))
                .query((rs, n) -> new BackupSample(
                        rs.getObject("backup_id", UUID.class),
                        rs.getString("target_id"),
                        instant(rs, "sort_at"),
                        BackupState.valueOf(rs.getString("state")),
                        rs.getObject("stored_bytes", Long.class),
                        instant(rs, "completed_at"),
                        rs.getObject("dump_millis", Long.class),
                        instant(rs, "verified_at"),
                        parse(rs.getString("verification_outcome"), Outcome::valueOf),
                        rs.getObject("verify_millis", Long.class),
                        rs.getObject("restore_millis", Long.class)))
                .list();
    }

    @Override
    public List<RestoreSample> restores(String targetId, Instant from, Instant to) {
        return jdbc.sql("select restore_id, target_id, finished_at, (timings ->> 'restoreMillis')::bigint as millis"
                        + " from scheduler.restores where" + OF_TARGET
                        + " and state = 'SUCCEEDED' and timings ->> 'restoreMillis' is not null"
                        + " and cardinality(schemas) = 0 and cardinality(tables) = 0"
                        + " and finished_at >= cast(:from as timestamptz) and finished_at <= cast(:to as timestamptz)"
                        + " order by finished_at, restore_id")
                .param("target", targetId)
                .param("from", ts(from))
                .param("to", ts(to))
                .query((rs, n) -> new RestoreSample(
                        rs.getObject("restore_id", UUID.class),
                        rs.getString("target_id"),
                        instant(rs, "finished_at"),
                        rs.getLong("millis")))
                .list();
    }
}
