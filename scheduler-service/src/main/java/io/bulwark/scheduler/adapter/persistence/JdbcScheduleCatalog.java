package io.bulwark.scheduler.adapter.persistence;

import static io.bulwark.scheduler.adapter.persistence.JdbcValues.instant;
import static io.bulwark.scheduler.adapter.persistence.JdbcValues.ts;

import io.bulwark.contracts.Tier;
import io.bulwark.scheduler.application.ScheduleCatalog;
import io.bulwark.scheduler.domain.MissedRunPolicy;
import io.bulwark.scheduler.domain.Schedule;
import io.bulwark.scheduler.domain.ScheduleSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link ScheduleCatalog} on PostgreSQL (table {@code scheduler.schedules}). The claim is a single {@code UPDATE ...
 * WHERE next_run_at = ?}, atomic under any isolation level; {@link #lock} is a transaction-scoped advisory lock in a
 * key space of its own. Thread-safe.
 */
@Repository
public class JdbcScheduleCatalog implements ScheduleCatalog {

    /** The first key of the two-key advisory lock: "Schd" in ASCII. */
    private static final int LOCK_NAMESPACE = 0x53636864;

    private static final String COLUMNS = "target_id, name, cron, zone, tier, label, enabled, source,"
            + " missed_run_policy, next_run_at, last_run_at, last_backup_id, created_at, updated_at";

    private final JdbcClient jdbc;

    public JdbcScheduleCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Schedule> list(Optional<String> targetId) {
        if (targetId.isPresent()) {
            return jdbc.sql("select " + COLUMNS + " from scheduler.schedules where target_id = ? order by name")
                    .param(targetId.get())
                    .query((rs, n) -> map(rs))
                    .list();
        }
        return jdbc.sql("select " + COLUMNS + " from scheduler.schedules order by target_id, name")
                .query((rs, n) -> map(rs))
                .list();
    }

    @Override
    public Optional<Schedule> find(String targetId, String name) {
        return jdbc.sql("select " + COLUMNS + " from scheduler.schedules where target_id = ? and name = ?")
                .param(targetId)
                .param(name)
                .query((rs, n) -> map(rs))
                .optional();
    }

    @Override
    public boolean insert(Schedule s) {
        return jdbc.sql("insert into scheduler.schedules (" + COLUMNS + ")"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict (target_id, name) do nothing")
                        .params(
                                s.targetId(),
                                s.name(),
                                s.cron(),
                                s.zone(),
                                s.tier().name(),
                                s.label(),
                                s.enabled(),
                                s.source().name(),
                                s.missedRunPolicy().name(),
                                ts(s.nextRunAt()),
                                ts(s.lastRunAt()),
                                s.lastBackupId(),
                                ts(s.createdAt()),
                                ts(s.updatedAt()))
                        .update()
                == 1;
    }

    @Override
    public boolean update(Schedule s) {
        return jdbc.sql("update scheduler.schedules set cron = ?, zone = ?, tier = ?, label = ?, enabled = ?,"
                                + " source = ?, missed_run_policy = ?, next_run_at = ?, updated_at = ?"
                                + " where target_id = ? and name = ?")
                        .params(
                                s.cron(),
                                s.zone(),
                                s.tier().name(),
                                s.label(),
                                s.enabled(),
                                s.source().name(),
                                s.missedRunPolicy().name(),
                                ts(s.nextRunAt()),
                                ts(s.updatedAt()),
                                s.targetId(),
                                s.name())
                        .update()
                == 1;
    }

    @Override
    public boolean delete(String targetId, String name) {
        return jdbc.sql("delete from scheduler.schedules where target_id = ? and name = ?")
                        .param(targetId)
                        .param(name)
                        .update()
                == 1;
    }

    @Override
    public List<Schedule> due(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from scheduler.schedules"
                        + " where enabled and next_run_at <= ? order by next_run_at, target_id, name limit ?")
                .param(ts(now))
                .param(limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    @Override
    public boolean claim(String targetId, String name, Instant seen, Instant next) {
        return jdbc.sql("update scheduler.schedules set next_run_at = ?"
                                + " where target_id = ? and name = ? and enabled and next_run_at = ?")
                        .param(ts(next))
                        .param(targetId)
                        .param(name)
                        .param(ts(seen))
                        .update()
                == 1;
    }

    @Override
    public void recordRun(String targetId, String name, Instant at, UUID backupId) {
        jdbc.sql("update scheduler.schedules set last_run_at = ?, last_backup_id = ? where target_id = ? and name = ?")
                .param(ts(at))
                .param(backupId)
                .param(targetId)
                .param(name)
                .update();
    }

    @Override
    public void lock() {
        jdbc.sql("select pg_advisory_xact_lock(?, 0)")
                .param(LOCK_NAMESPACE)
                .query((rs, n) -> 1)
                .list();
    }

    private static Schedule map(ResultSet rs) throws SQLException {
        return new Schedule(
                rs.getString("target_id"),
                rs.getString("name"),
                rs.getString("cron"),
                rs.getString("zone"),
                Tier.valueOf(rs.getString("tier")),
                rs.getString("label"),
                rs.getBoolean("enabled"),
                ScheduleSource.valueOf(rs.getString("source")),
                MissedRunPolicy.valueOf(rs.getString("missed_run_policy")),
                instant(rs, "next_run_at"),
                instant(rs, "last_run_at"),
                rs.getObject("last_backup_id", UUID.class),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
