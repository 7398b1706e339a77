package io.bulwark.scheduler.adapter.persistence;

import static io.bulwark.scheduler.adapter.persistence.JdbcValues.instant;
import static io.bulwark.scheduler.adapter.persistence.JdbcValues.ts;

import io.bulwark.scheduler.application.AuditLog;
import io.bulwark.scheduler.domain.AuditEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link AuditLog} on PostgreSQL, table {@code scheduler.audit_log} (migration V20). Thread-safe. */
@Repository
public class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;

    public JdbcAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(AuditEntry e) {
        jdbc.sql("""
                        insert into scheduler.audit_log
                            (at, caller, method, path, target_id, resource_id, remote_address, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        ts(e.at()),
                        e.caller(),
                        e.method(),
                        e.path(),
                        e.targetId(),
                        e.resourceId(),
                        e.remoteAddress(),
                        e.status())
                .update();
    }

    @Override
    public List<AuditEntry> recent(int limit, Instant since) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + " but was " + limit);
        }
        return jdbc.sql("""
                        select id, at, caller, method, path, target_id, resource_id, remote_address, status
                        from scheduler.audit_log
                        where (?::timestamptz is null or at >= ?::timestamptz)
                        order by at desc, id desc
                        limit ?""")
                .params(ts(since), ts(since), limit)
                .query((rs, n) -> new AuditEntry(
                        rs.getLong("id"),
                        instant(rs, "at"),
                        rs.getString("caller"),
                        rs.getString("method"),
                        rs.getString("path"),
                        rs.getString("target_id"),
                        rs.getString("resource_id"),
                        rs.getString("remote_address"),
                        rs.getInt("status")))
                .list();
    }
}
