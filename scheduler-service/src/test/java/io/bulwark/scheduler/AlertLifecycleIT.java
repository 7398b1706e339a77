package io.bulwark.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.AlertChanged;
import io.bulwark.contracts.AlertKind;
import io.bulwark.contracts.AlertState;
import io.bulwark.contracts.Outcome;
import io.bulwark.scheduler.adapter.persistence.JdbcActivityCatalog;
import io.bulwark.scheduler.adapter.persistence.JdbcAlertStore;
import io.bulwark.scheduler.adapter.persistence.JdbcBackupCatalog;
import io.bulwark.scheduler.adapter.persistence.JdbcScheduleCatalog;
import io.bulwark.scheduler.adapter.persistence.SpringTransactions;
import io.bulwark.scheduler.application.MutableClock;
import io.bulwark.scheduler.application.alerts.AlertEvents;
import io.bulwark.scheduler.application.alerts.AlertPublisher;
import io.bulwark.scheduler.application.alerts.EvaluateAlerts;
import io.bulwark.scheduler.application.alerts.WatchedTarget;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.BackupState;
import io.bulwark.scheduler.domain.alerts.AlertCondition;
import io.bulwark.scheduler.domain.alerts.AlertLifecycle;
import io.bulwark.scheduler.domain.alerts.RpoBreach;
import io.bulwark.scheduler.domain.alerts.SizeAnomaly;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The alert lifecycle on the real PostgreSQL store (Flyway's schema, the JDBC catalogs) with a clock the test moves
 * and a publisher that captures the events (or refuses them, as a broker outage would): an alert opens once, stays
 * quiet within the escalation interval, escalates after it, resolves once after a newer verified backup; a refused
 * event is kept and published on the next run with the same event id.
 */
class AlertLifecycleIT {

    private static final String PG = SchedulerItDatabase.PG;
    private static final String DB = "alerts_lifecycle_it_"
            + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    private static final long MIB = 1024 * 1024;

    private static DriverManagerDataSource dataSource;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T12:00:00Z"));
    private final CapturingPublisher publisher = new CapturingPublisher();
    private JdbcClient jdbc;
    private JdbcBackupCatalog backups;

    @BeforeAll
    static void createDatabase() throws SQLException {
        admin("create database " + DB);
        dataSource = new DriverManagerDataSource(PG + DB, "postgres", "");
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("scheduler")
                .defaultSchema("scheduler")
                .createSchemas(true)
                .outOfOrder(true)
                .load()
                .migrate();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        admin("drop database if exists " + DB + " with (force)");
    }

    @BeforeEach
    void clean() {
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("truncate scheduler.alerts, scheduler.alert_watch, scheduler.backups")
                .update();
        backups = new JdbcBackupCatalog(jdbc);
    }

    @Test
    void anRpoBreachOpensOnceEscalatesAfterTheIntervalAndResolvesAfterTheNextVerifiedBackup() {
        EvaluateAlerts evaluate = evaluate(List.of(new RpoBreach()));
        backups.save(verified("chinook", clock.instant().minus(Duration.ofHours(26)), 100 * MIB));

        evaluate.run();
        clock.advance(Duration.ofMinutes(1));
        evaluate.run();
        clock.advance(Duration.ofMinutes(58));
        evaluate.run();

        assertThat(publisher.events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AlertKind.RPO_BREACH);
            assertThat(e.state()).isEqualTo(AlertState.OPEN);
            assertThat(e.summary()).isEqualTo("chinook: no verified backup for 26h; RPO is 25h");
            assertThat(e.link()).isEqualTo("http://bulwark.test/console/");
        });
        UUID alertId = publisher.events.getFirst().alertId();

        clock.advance(Duration.ofMinutes(1)); // 1h after the OPEN
        evaluate.run();
        evaluate.run();

        assertThat(publisher.events).hasSize(2);
        assertThat(publisher.events.getLast().state()).isEqualTo(AlertState.ESCALATED);
        assertThat(publisher.events.getLast().escalationLevel()).isEqualTo(1);
        assertThat(publisher.events.getLast().alertId()).isEqualTo(alertId);

        backups.save(verified("chinook", clock.instant().minus(Duration.ofMinutes(5)), 100 * MIB));
        clock.advance(Duration.ofMinutes(1));
        evaluate.run();
        clock.advance(Duration.ofHours(2));
        evaluate.run();

        assertThat(publisher.events).hasSize(3);
        assertThat(publisher.events.getLast().state()).isEqualTo(AlertState.RESOLVED);
        assertThat(publisher.events.getLast().alertId()).isEqualTo(alertId);
        assertThat(publisher.events.getLast().escalationLevel()).isEqualTo(1);
        assertThat(publisher.events.stream().map(AlertChanged::eventId).distinct())
                .hasSize(3);
        assertThat(jdbc.sql("select count(*) from scheduler.alerts where pending_publish")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anEventTheBrokerRefusedIsKeptAndPublishedOnTheNextRunWithTheSameId() {
        EvaluateAlerts evaluate = evaluate(List.of(new RpoBreach()));
        backups.save(verified("chinook", clock.instant().minus(Duration.ofHours(30)), 100 * MIB));
        publisher.refuse = true;

        evaluate.run();

        assertThat(publisher.events).isEmpty();
        assertThat(jdbc.sql("select count(*) from scheduler.alerts where pending_publish and state = 'OPEN'")
                        .query(Long.class)
                        .single())
                .isOne();

        publisher.refuse = false;
        clock.advance(Duration.ofHours(3)); // an unpublished OPEN is published first, not escalated past
        evaluate.run();

        assertThat(publisher.events).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(AlertState.OPEN);
            assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-03-10T12:00:00Z"));
        });
        UUID firstEventId = publisher.events.getFirst().eventId();

        // a crash after the broker accepted but before the mark was cleared: published again, same id
        jdbc.sql("update scheduler.alerts set pending_publish = true").update();
        evaluate.publishPending();

        assertThat(publisher.events).hasSize(2);
        assertThat(publisher.events.getLast().eventId()).isEqualTo(firstEventId);
    }

    @Test
    void aDatabaseThatShrinksByHalfOpensASizeAnomalyAboutThatBackup() {
        EvaluateAlerts evaluate = evaluate(List.of(new SizeAnomaly(0.2, 5)));
        Instant now = clock.instant();
        for (int day = 6; day >= 1; day--) {
            backups.save(verified("chinook", now.minus(Duration.ofDays(day)), (98 + day) * MIB));
        }
        evaluate.run();
        assertThat(publisher.events).isEmpty();

        Backup half = verified("chinook", now.minus(Duration.ofMinutes(10)), 50 * MIB);
        backups.save(half);
        evaluate.run();

        assertThat(publisher.events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AlertKind.SIZE_ANOMALY);
            assertThat(e.backupId()).isEqualTo(half.backupId());
            assertThat(e.summary()).contains("50.0 MiB, 50% below the median 101.0 MiB");
            assertThat(e.link()).isEqualTo("http://bulwark.test/api/backups/" + half.backupId() + "/report.html");
        });
    }

    private EvaluateAlerts evaluate(List<AlertCondition> conditions) {
        return new EvaluateAlerts(
                List.of(new WatchedTarget("chinook", Duration.ofHours(25), Duration.ofHours(1), null)),
                backups,
                new JdbcScheduleCatalog(jdbc),
                new JdbcActivityCatalog(jdbc),
                new JdbcAlertStore(jdbc),
                publisher,
                null,
                conditions,
                new AlertLifecycle(Duration.ofHours(1), UUID::randomUUID),
                new AlertEvents("http://bulwark.test/"),
                new SpringTransactions(new DataSourceTransactionManager(dataSource)),
                clock,
                50);
    }

    private static Backup verified(String targetId, Instant completedAt, long bytes) {
        return Backup.builder()
                .backupId(UUID.randomUUID())
                .targetId(targetId)
                .state(BackupState.VERIFIED)
                .requestedAt(completedAt.minusSeconds(300))
                .completedAt(completedAt)
                .prefix(targetId + "/x/")
                .storedBytes(bytes)
                .verificationOutcome(Outcome.PASSED)
                .verifiedAt(completedAt.plusSeconds(60))
                .firstSeenAt(completedAt.minusSeconds(300))
                .updatedAt(completedAt.plusSeconds(60))
                .build();
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Captures the published events; refuses them while {@code refuse} is set. */
    private static final class CapturingPublisher implements AlertPublisher {
        final List<AlertChanged> events = new ArrayList<>();
        boolean refuse;

        @Override
        public void publish(AlertChanged event) {
            if (refuse) {
                throw new IllegalStateException("broker unavailable");
            }
            events.add(event);
        }
    }
}
