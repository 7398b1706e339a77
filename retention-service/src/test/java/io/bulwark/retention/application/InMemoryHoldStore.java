package io.bulwark.retention.application;

import io.bulwark.retention.domain.Hold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A {@link HoldStore} in memory, with the releases in {@link #releases}. Not thread-safe. */
final class InMemoryHoldStore implements HoldStore {

    final Map<UUID, Hold> holds = new LinkedHashMap<>();
    final List<String> releases = new ArrayList<>();

    @Override
    public Optional<Hold> find(UUID backupId) {
        return Optional.ofNullable(holds.get(backupId));
    }

    @Override
    public boolean place(Hold hold) {
        return holds.putIfAbsent(hold.backupId(), hold) == null;
    }

    @Override
    public Optional<Hold> release(UUID backupId, String releasedBy, Instant releasedAt) {
        Hold released = holds.remove(backupId);
        if (released != null) {
            releases.add(backupId + " by " + releasedBy);
        }
        return Optional.ofNullable(released);
    }

    @Override
    public List<Hold> list() {
        return List.copyOf(holds.values());
    }
}
