package io.bulwark.scheduler.adapter.persistence;

import static io.bulwark.scheduler.adapter.persistence.JdbcValues.instant;
import static io.bulwark.scheduler.adapter.persistence.JdbcValues.ts;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.bulwark.contracts.BackupReportIssued;
import io.bulwark.contracts.EventJson;
import io.bulwark.scheduler.application.reports.BackupReportCatalog;
import io.bulwark.scheduler.application.reports.StoredBackupReport;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link BackupReportCatalog} on PostgreSQL, table {@code scheduler.reports} (migration V8): the event is stored as
 * its {@link EventJson} in {@code body} (jsonb) and read back unchanged. Thread-safe.
 */
@Repository
public class JdbcBackupReportCatalog implements BackupReportCatalog {

    private static final String COLUMNS =
            "select trigger, issued_at, published_at, body::text as body" + " from scheduler.reports ";

    private final JdbcClient jdbc;

    public JdbcBackupReportCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insertIfAbsent(StoredBackupReport report) {
        BackupReportIssued event = report.event();
        return jdbc.sql("""
                        insert into scheduler.reports
                            (report_id, trigger, period_start, period_end, issued_at, published_at, body)
                        values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
                        on conflict (report_id) do nothing""")
                        .params(
                                event.reportId(),
                                report.trigger().name(),
                                ts(event.periodStart()),
                                ts(event.periodEnd()),
                                ts(report.issuedAt()),
                                ts(report.publishedAt()),
                                new String(EventJson.toBytes(event), UTF_8))
                        .update()
                == 1;
    }

    @Override
    public Optional<StoredBackupReport> find(UUID reportId) {
        return jdbc.sql(COLUMNS + "where report_id = ?")
                .params(reportId)
                .query((rs, n) -> report(rs))
                .optional();
    }

    @Override
    public List<StoredBackupReport> recent(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + " but was " + limit);
        }
        return jdbc.sql(COLUMNS + "order by period_end desc, issued_at desc, report_id limit ?")
                .params(limit)
                .query((rs, n) -> report(rs))
                .list();
    }

    @Override
    public List<StoredBackupReport> unpublished() {
        return jdbc.sql(COLUMNS + "where published_at is null order by issued_at, report_id")
                .query((rs, n) -> report(rs))
                .list();
    }

    @Override
    public void markPublished(UUID reportId, Instant at) {
        jdbc.sql("update scheduler.reports set published_at = ? where report_id = ? and published_at is null")
                .params(ts(at), reportId)
                .update();
    }

    private static StoredBackupReport report(ResultSet rs) throws SQLException {
        return new StoredBackupReport(
                StoredBackupReport.Trigger.valueOf(rs.getString("trigger")),
                instant(rs, "issued_at"),
                instant(rs, "published_at"),
                EventJson.read(rs.getString("body").getBytes(UTF_8), BackupReportIssued.class));
    }
}
