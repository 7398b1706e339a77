package io.bulwark.scheduler.adapter.persistence;

import io.bulwark.scheduler.application.reports.OpenAlertCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link OpenAlertCounts} on the alerts table {@code scheduler.alerts} when it exists: the rows of the target whose
 * {@code state} is not {@code RESOLVED}. Without that table every count is 0; a table of another shape is logged
 * and counted as 0 too, so that the report is still issued. Read-only, thread-safe.
 */
@Repository
public class JdbcOpenAlertCounts implements OpenAlertCounts {

    private static final Logger log = LoggerFactory.getLogger(JdbcOpenAlertCounts.class);

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
        try {
            return jdbc.sql("select count(*) from scheduler.alerts where target_id = ? and state <> 'RESOLVED'")
                    .params(targetId)
                    .query(Integer.class)
                    .single();
        } catch (DataAccessException e) {
            log.warn("open alerts of target {} not counted: {}", targetId, e.getMessage());
            return 0;
        }
    }
}
