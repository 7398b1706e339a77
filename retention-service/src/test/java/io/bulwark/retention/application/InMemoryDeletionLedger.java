package io.bulwark.retention.application;

import io.bulwark.retention.domain.CatalogedBackup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** A {@link DeletionLedger} in memory: the first intent stands until {@link #finish}. Not thread-safe. */
final class InMemoryDeletionLedger implements DeletionLedger {

    private final Map<UUID, DeletionIntent> intents = new LinkedHashMap<>();
    private final Function<UUID, CatalogedBackup> backups;

    /** @param backups the backup of an id, for {@link #pending} */
    InMemoryDeletionLedger(Function<UUID, CatalogedBackup> backups) {
        this.backups = backups;
    }

    @Override
    public DeletionIntent begin(UUID backupId, DeletionIntent intent) {
        return intents.computeIfAbsent(backupId, id -> intent);
    }

    @Override
    public Optional<DeletionIntent> intentOf(UUID backupId) {
        return Optional.ofNullable(intents.get(backupId));
    }

    @Override
    public List<Pending> pending() {
        return intents.entrySet().stream()
                .map(e -> new Pending(backups.apply(e.getKey()), e.getValue()))
                .toList();
    }

    /** Forgets the intent, as marking the backup deleted does in the catalog. */
    void finish(UUID backupId) {
        intents.remove(backupId);
    }
}
