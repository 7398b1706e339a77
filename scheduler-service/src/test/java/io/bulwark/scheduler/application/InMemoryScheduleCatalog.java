package io.bulwark.scheduler.application;

import io.bulwark.scheduler.domain.Schedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** {@link ScheduleCatalog} in memory, for unit tests; the claim is a compare-and-set like the SQL one. */
final class InMemoryScheduleCatalog implements ScheduleCatalog {

    final Map<String, Schedule> rows = new TreeMap<>();

    @Override
    public List<Schedule> list(Optional<String> targetId) {
        return rows.values().stream()
                .filter(s -> targetId.map(s.targetId()::equals).orElse(true))
                .toList();
    }

    @Override
    public Optional<Schedule> find(String targetId, String name) {
        return Optional.ofNullable(rows.get(key(targetId, name)));
    }

    @Override
    public boolean insert(Schedule schedule) {
        return rows.putIfAbsent(key(schedule.targetId(), schedule.name()), schedule) == null;
    }

    @Override
    public boolean update(Schedule s) {
        Schedule old = rows.get(key(s.targetId(), s.name()));
        if (old == null) {
            return false;
        }
        rows.put(
                key(s.targetId(), s.name()),
                new Schedule(
                        s.targetId(),
                        s.name(),
                        s.cron(),
                        s.zone(),
                        s.tier(),
                        s.label(),
                        s.enabled(),
                        s.source(),
                        s.missedRunPolicy(),
                        s.nextRunAt(),
                        old.lastRunAt(),
                        old.lastBackupId(),
                        old.createdAt(),
                        s.updatedAt()));
        return true;
    }

    @Override
    public boolean delete(String targetId, String name) {
        return rows.remove(key(targetId, name)) != null;
    }

    @Override
    public List<Schedule> due(Instant now, int limit) {
        return rows.values().stream()
                .filter(s ->
                        s.enabled() && s.nextRunAt() != null && !s.nextRunAt().isAfter(now))
                .sorted(Comparator.comparing(Schedule::nextRunAt))
                .limit(limit)
                .toList();
    }

    @Override
    public boolean claim(String targetId, String name, Instant seen, Instant next) {
        Schedule s = rows.get(key(targetId, name));
        if (s == null || !s.enabled() || !Objects.equals(s.nextRunAt(), seen)) {
            return false;
        }
        rows.put(key(targetId, name), with(s, next, s.lastRunAt(), s.lastBackupId()));
        return true;
    }

    @Override
    public void recordRun(String targetId, String name, Instant at, UUID backupId) {
        Schedule s = rows.get(key(targetId, name));
        if (s != null) {
            rows.put(key(targetId, name), with(s, s.nextRunAt(), at, backupId));
        }
    }

    @Override
    public void lock() {}

    /** The stored schedules, in key order. */
    List<Schedule> all() {
        return new ArrayList<>(rows.values());
    }

    private static Schedule with(Schedule s, Instant next, Instant lastRunAt, UUID lastBackupId) {
        return new Schedule(
                s.targetId(),
                s.name(),
                s.cron(),
                s.zone(),
                s.tier(),
                s.label(),
                s.enabled(),
                s.source(),
                s.missedRunPolicy(),
                next,
                lastRunAt,
                lastBackupId,
                s.createdAt(),
                s.updatedAt());
    }

    private static String key(String targetId, String name) {
        return targetId + "/" + name;
    }
}
