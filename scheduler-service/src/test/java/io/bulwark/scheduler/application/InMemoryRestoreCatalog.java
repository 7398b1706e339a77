package io.bulwark.scheduler.application;

import io.bulwark.contracts.RestoreState;
import io.bulwark.scheduler.domain.Restore;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The restore catalog port in memory, counting saves; for unit tests. */
final class InMemoryRestoreCatalog implements RestoreCatalog {

    final Map<UUID, Restore> restores = new HashMap<>();
    final Set<UUID> processed = new HashSet<>();
    int saves;

    @Override
    public void lock(UUID restoreId) {}

    @Override
    public boolean markProcessed(UUID eventId, String eventType, Instant at) {
        return processed.add(eventId);
    }

    @Override
    public Optional<Restore> find(UUID restoreId) {
        return Optional.ofNullable(restores.get(restoreId));
    }

    @Override
    public void save(Restore restore) {
        saves++;
        restores.put(restore.restoreId(), restore);
    }

    @Override
    public List<Restore> list(String targetId, RestoreState state, int limit) {
        return restores.values().stream()
                .filter(r -> targetId == null || r.targetId().equals(targetId))
                .filter(r -> state == null || r.state() == state)
                .limit(limit)
                .toList();
    }
}
