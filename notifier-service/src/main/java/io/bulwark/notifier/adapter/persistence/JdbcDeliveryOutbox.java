package io.bulwark.notifier.adapter.persistence;

import io.bulwark.contracts.EventJson;
import io.bulwark.notifier.application.DeliveryOutbox;
import io.bulwark.notifier.application.DeliveryState;
import io.bulwark.notifier.domain.Notification;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox in PostgreSQL (schema {@code notifier}, migration V1): tables {@code processed_events}, {@code
 * notifications} (the notification as JSON in {@code body}) and {@code deliveries}.
 *
 * <p>A delivery's id is derived from its notification id and channel ({@link #deliveryId}), so recording the same
 * notification twice cannot create two deliveries. {@link #attempt} locks the row with {@code FOR UPDATE SKIP LOCKED},
 * so that two notifier instances never send the same delivery at once, and commits the result right after the channel
 * answered. Thread-safe.
 */
public class JdbcDeliveryOutbox implements DeliveryOutbox {

    private static final String DELIVERY_COLUMNS =
            "d.delivery_id, d.channel, d.state, d.attempts, d.next_attempt_at, d.last_error, d.sent_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    /**
     * @param jdbc on the notifier's datasource (search path {@code notifier})
     * @param transactions on the same datasource
     */
    public JdbcDeliveryOutbox(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** The delivery id of {@code notificationId} to {@code channel}: a name-based UUID of both. */
    public static UUID deliveryId(UUID notificationId, String channel) {
        return UUID.nameUUIDFromBytes(
                ("bulwark.delivery:" + notificationId + ":" + channel).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean record(UUID sourceEventId, Notification notification, List<String> channels, Instant now) {
        Boolean recorded = transactions.execute(status -> {
            int inserted = jdbc.update(
                    "INSERT INTO processed_events (event_id, processed_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    sourceEventId,
                    Timestamp.from(now));
            if (inserted == 0) {
                return false;
            }
            if (notification == null) {
                return true;
            }
            int stored = jdbc.update(
                    "INSERT INTO notifications (notification_id, source_event_id, kind, severity, target_id, summary,"
                            + " body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT DO NOTHING",
                    notification.notificationId(),
                    sourceEventId,
                    notification.kind(),
                    notification.severity().name(),
                    notification.targetId(),
                    notification.summary(),
                    new String(EventJson.toBytes(notification), StandardCharsets.UTF_8),
                    Timestamp.from(now));
            if (stored == 0) {
                return false;
            }
            for (String channel : channels) {
                jdbc.update(
                        "INSERT INTO deliveries (delivery_id, notification_id, channel, state, attempts,"
                                + " next_attempt_at, updated_at) VALUES (?, ?, ?, 'PENDING', 0, ?, ?)"
                                + " ON CONFLICT DO NOTHING",
                        deliveryId(notification.notificationId(), channel),
                        notification.notificationId(),
                        channel,
                        Timestamp.from(now),
                        Timestamp.from(now));
            }
            return true;
        });
        return Boolean.TRUE.equals(recorded);
    }

    @Override
    public List<UUID> due(Instant now, int limit) {
        return jdbc.queryForList(
                "SELECT delivery_id FROM deliveries WHERE state = 'PENDING' AND next_attempt_at <= ?"
                        + " ORDER BY next_attempt_at LIMIT ?",
                UUID.class,
                Timestamp.from(now),
                limit);
    }

    @Override
    public boolean attempt(UUID deliveryId, Instant now, Function<PendingDelivery, Result> attempt) {
        Boolean attempted = transactions.execute(status -> {
            List<PendingDelivery> locked = jdbc.query(
                    "SELECT d.delivery_id, d.channel, d.attempts, n.body FROM deliveries d"
                            + " JOIN notifications n ON n.notification_id = d.notification_id"
                            + " WHERE d.delivery_id = ? AND d.state = 'PENDING' AND d.next_attempt_at <= ?"
                            + " FOR UPDATE OF d SKIP LOCKED",
                    (rs, i) -> new PendingDelivery(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getInt(3),
                            EventJson.read(rs.getString(4).getBytes(StandardCharsets.UTF_8), Notification.class)),
                    deliveryId,
                    Timestamp.from(now));
            if (locked.isEmpty()) {
                return false;
            }
            PendingDelivery delivery = locked.getFirst();
            Result result = attempt.apply(delivery);
            Instant at = Instant.now();
            jdbc.update(
                    "UPDATE deliveries SET state = ?, attempts = attempts + ?, next_attempt_at = COALESCE(?,"
                            + " next_attempt_at), last_error = COALESCE(?, last_error), sent_at = ?, updated_at = ?"
                            + " WHERE delivery_id = ?",
                    result.state().name(),
                    result.countsAsAttempt() ? 1 : 0,
                    result.nextAttemptAt() == null ? null : Timestamp.from(result.nextAttemptAt()),
                    result.error(),
                    result.state() == DeliveryState.SENT ? Timestamp.from(at) : null,
                    Timestamp.from(at),
                    deliveryId);
            return true;
        });
        return Boolean.TRUE.equals(attempted);
    }

    @Override
    public List<NotificationRecord> recent(int limit) {
        Map<UUID, Notification> notifications = new LinkedHashMap<>();
        Map<UUID, Instant> created = new LinkedHashMap<>();
        jdbc.query(
                "SELECT notification_id, body, created_at FROM notifications ORDER BY created_at DESC,"
                        + " notification_id LIMIT ?",
                (ResultSet rs) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    notifications.put(
                            id, EventJson.read(rs.getString(2).getBytes(StandardCharsets.UTF_8), Notification.class));
                    created.put(id, rs.getTimestamp(3).toInstant());
                },
                limit);
        if (notifications.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<DeliveryStatus>> deliveries = new LinkedHashMap<>();
        jdbc.query(
                "SELECT d.notification_id, " + DELIVERY_COLUMNS + " FROM deliveries d"
                        + " WHERE d.notification_id = ANY (?) ORDER BY d.channel",
                (ResultSet rs) -> {
                    deliveries
                            .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(status(rs));
                },
                (Object) notifications.keySet().toArray(UUID[]::new));
        List<NotificationRecord> records = new ArrayList<>();
        notifications.forEach((id, n) ->
                records.add(new NotificationRecord(n, created.get(id), deliveries.getOrDefault(id, List.of()))));
        return records;
    }

    private static DeliveryStatus status(ResultSet rs) throws SQLException {
        Timestamp next = rs.getTimestamp("next_attempt_at");
        Timestamp sent = rs.getTimestamp("sent_at");
        DeliveryState state = DeliveryState.valueOf(rs.getString("state"));
        return new DeliveryStatus(
                rs.getString("channel"),
                state,
                rs.getInt("attempts"),
                state == DeliveryState.PENDING && next != null ? next.toInstant() : null,
                rs.getString("last_error"),
                sent == null ? null : sent.toInstant());
    }
}
