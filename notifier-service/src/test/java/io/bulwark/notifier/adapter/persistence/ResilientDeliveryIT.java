package io.bulwark.notifier.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.embedded.PostgresDatabases;
import io.bulwark.notifier.HookReceiver;
import io.bulwark.notifier.adapter.channel.ResilientChannel;
import io.bulwark.notifier.adapter.channel.SlackChannel;
import io.bulwark.notifier.application.DeliverNotifications;
import io.bulwark.notifier.application.DeliveryOutbox;
import io.bulwark.notifier.application.DeliveryState;
import io.bulwark.notifier.domain.Notification;
import io.bulwark.notifier.domain.Severity;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox in a real PostgreSQL database (migration V1) with a Slack channel behind retry and a circuit breaker,
 * against a JDK HTTP server that is down, then up.
 */
class ResilientDeliveryIT {

    private static final PostgresDatabases POSTGRES = PostgresDatabases.local();
    private static String database;
    private static JdbcDeliveryOutbox outbox;

    @BeforeAll
    static void migrate() {
        database = POSTGRES.createUnique("notifier_cb_");
        String url = POSTGRES.jdbcUrl(database);
        Flyway.configure()
                .dataSource(url, POSTGRES.username(), POSTGRES.password())
                .schemas("notifier")
                .defaultSchema("notifier")
                .createSchemas(true)
                .load()
                .migrate();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                url + (url.contains("?") ? "&" : "?") + "currentSchema=notifier",
                POSTGRES.username(),
                POSTGRES.password() == null ? "" : POSTGRES.password());
        outbox = new JdbcDeliveryOutbox(
                new JdbcTemplate(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @AfterAll
    static void drop() {
        POSTGRES.drop(database);
    }

    private static Notification notification() {
        return new Notification(
                UUID.randomUUID(),
                Severity.ERROR,
                "backup.failed",
                "chinook",
                null,
                "Backup of chinook FAILED (CONNECTION_REFUSED, attempt 1)",
                List.of(),
                "CONNECTION_REFUSED",
                Instant.now(),
                null);
    }

    private static DeliveryOutbox.DeliveryStatus status(UUID notificationId, String channel) {
        return outbox.recent(50).stream()
                .filter(r -> r.notification().notificationId().equals(notificationId))
                .flatMap(r -> r.deliveries().stream())
                .filter(d -> d.channel().equals(channel))
                .findFirst()
                .orElseThrow();
    }

    /** A Slack channel {@code name} posting to {@code receiver}'s {@code /hook}, behind a circuit breaker. */
    private static ResilientChannel slack(String name, HookReceiver receiver, ResilientChannel.Settings settings) {
        return new ResilientChannel(
                new SlackChannel(name, receiver.url("/hook"), Duration.ofSeconds(2), Duration.ofSeconds(2)), settings);
    }

    /** Rounds over the outbox to {@code channel} alone; a delivery is DEAD after {@code maxRounds} failed rounds. */
    private static DeliverNotifications deliver(ResilientChannel channel, int maxRounds) {
        return new DeliverNotifications(
                outbox,
                List.of(channel),
                Clock.systemUTC(),
                new DeliverNotifications.Rounds(maxRounds, Duration.ZERO, Duration.ZERO, 10));
    }

    @Test
    void anOpenCircuitKeepsTheDeliveryPendingAndItIsSentOnceWhenTheReceiverIsBack() {
        try (HookReceiver receiver = HookReceiver.start()) {
            receiver.status.set(503);
            ResilientChannel slack = slack(
                    "slack",
                    receiver,
                    new ResilientChannel.Settings(2, Duration.ofMillis(10), 50, 2, Duration.ofMillis(400)));
            DeliverNotifications deliver = deliver(slack, 100);
            Notification n = notification();
            UUID source = UUID.randomUUID();
            assertThat(outbox.record(source, n, List.of("slack"), Instant.now()))
                    .isTrue();
            assertThat(outbox.record(source, n, List.of("slack"), Instant.now()))
                    .as("the same source event again records nothing")
                    .isFalse();

            deliver.deliverDue();
            assertThat(receiver.calls())
                    .as("one round: two in-process attempts")
                    .isEqualTo(2);
            assertThat(slack.state()).isEqualTo(CircuitBreaker.State.OPEN);
            deliver.deliverDue();
            deliver.deliverDue();
            assertThat(receiver.calls())
                    .as("the open circuit lets no call through")
                    .isEqualTo(2);
            DeliveryOutbox.DeliveryStatus paused = status(n.notificationId(), "slack");
            assertThat(paused.state()).isEqualTo(DeliveryState.PENDING);
            assertThat(paused.attempts()).as("paused rounds do not count").isEqualTo(1);
            assertThat(paused.lastError()).contains("HTTP 503").doesNotContain("/hook");

            receiver.status.set(204);
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        deliver.deliverDue();
                        return status(n.notificationId(), "slack").state() == DeliveryState.SENT;
                    });
            deliver.deliverDue();
            assertThat(receiver.posts()).hasSize(1);
            assertThat(status(n.notificationId(), "slack").sentAt()).isNotNull();
        }
    }

    @Test
    void aPermanentRefusalIsFailedAndNotTriedAgain() {
        try (HookReceiver receiver = HookReceiver.start()) {
            receiver.status.set(404);
            ResilientChannel slack = slack(
                    "gone",
                    receiver,
                    new ResilientChannel.Settings(3, Duration.ofMillis(10), 50, 4, Duration.ofSeconds(30)));
            DeliverNotifications deliver = deliver(slack, 5);
            Notification n = notification();
            outbox.record(UUID.randomUUID(), n, List.of("gone"), Instant.now());

            deliver.deliverDue();
            deliver.deliverDue();

            assertThat(receiver.calls()).as("not retried").isEqualTo(1);
            assertThat(status(n.notificationId(), "gone").state()).isEqualTo(DeliveryState.FAILED);
        }
    }
}
