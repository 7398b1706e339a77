package io.bulwark.notifier.application;

import io.bulwark.notifier.domain.Notification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** The outbox port in memory, for unit tests of the use cases (the PostgreSQL one has its own tests). */
final class InMemoryOutbox implements DeliveryOutbox {

    private final Set<UUID> processed = new HashSet<>();
    private final Map<UUID, Notification> notifications = new LinkedHashMap<>();
    private final Map<UUID, Row> rows = new LinkedHashMap<>();

    private static final class Row {
        final UUID notificationId;
        final String channel;
        DeliveryState state = DeliveryState.PENDING;
        int attempts;
        Instant next;
        String error;

        Row(UUID notificationId, String channel, Instant next) {
            this.notificationId = notificationId;
            this.channel = channel;
            this.next = next;
        }
    }

    @Override
    public synchronized boolean record(
            UUID sourceEventId, Notification notification, List<String> channels, Instant now) {
        if (!processed.add(sourceEventId)) {
            return false;
        }
        if (notification != null) {
            notifications.put(notification.notificationId(), notification);
            for (String c : channels) {
                rows.put(UUID.randomUUID(), new Row(notification.notificationId(), c, now));
            }
        }
        return true;
    }

    @Override
    public synchronized List<UUID> due(Instant now, int limit) {
        return rows.entrySet().stream()
                .filter(e -> e.getValue().state == DeliveryState.PENDING
                        && !e.getValue().next.isAfter(now))
                .map(Map.Entry::getKey)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean attempt(UUID deliveryId, Instant now, Function<PendingDelivery, Result> attempt) {
        Row row = rows.get(deliveryId);
        if (row == null || row.state != DeliveryState.PENDING || row.next.isAfter(now)) {
            return false;
        }
        Result result = attempt.apply(
                new PendingDelivery(deliveryId, row.channel, row.attempts, notifications.get(row.notificationId)));
        row.state = result.state();
        row.attempts += result.countsAsAttempt() ? 1 : 0;
        row.next = result.nextAttemptAt() == null ? row.next : result.nextAttemptAt();
        row.error = result.error() == null ? row.error : result.error();
        return true;
    }

    @Override
    public synchronized List<NotificationRecord> recent(int limit) {
        List<NotificationRecord> records = new ArrayList<>();
        for (Notification n : notifications.values().stream().toList().reversed()) {
            List<DeliveryStatus> statuses = rows.values().stream()
                    .filter(r -> r.notificationId.equals(n.notificationId()))
                    .map(r -> new DeliveryStatus(r.channel, r.state, r.attempts, r.next, r.error, null))
                    .toList();
            records.add(new NotificationRecord(n, Instant.EPOCH, statuses));
        }
        return records.stream().limit(limit).toList();
    }

    /** The state of each channel's latest delivery. */
    synchronized Map<String, DeliveryState> states() {
        Map<String, DeliveryState> states = new LinkedHashMap<>();
        rows.values().forEach(r -> states.put(r.channel, r.state));
        return states;
    }
}
