package io.bulwark.scheduler.adapter.persistence;

import io.bulwark.scheduler.application.reports.OpenAlertCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link OpenAlertCounts} on the alerts table {@code scheduler.alerts} when it exists: the rows of the target whose
 * {@code state} is not {@code RESOLVED}. Without that table (no alert was ever evaluated) every count is 0.
 * Read-only, thread-safe.
 */
@Repository
public class JdbcOpenAlertCounts implements OpenAlertCounts {

    private final JdbcClient jdbc;

    public JdbcOpenAlertCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int openAlerts(String targetId) {
        boolean exists = jdbc.sql("select to_regclass('scheduler.alerts') is not null")
                .query(Boolean.class)
                .single();
        if (!exists) {
            return 0;
        }
        return jdbc.sql("select count(*) from scheduler.alerts where target_id = ? and state <> 'RESOLVED'")
                .params(targetId)
                .query(Integer.class)
                .single();
    }
}
