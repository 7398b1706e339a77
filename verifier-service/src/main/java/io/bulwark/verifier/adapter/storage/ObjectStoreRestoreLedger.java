package io.bulwark.verifier.adapter.storage;

import io.bulwark.artifacts.ObjectNotFoundException;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.verifier.application.RestoreLedger;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RestoreLedger} in the object store: one JSON object per running restore at {@value #PREFIX}{@code
 * <restoreId>.json}, in the bucket every verifier shares, so that any verifier can end a restore another one was
 * running when it died. Never holds a credential. Thread-safe.
 */
public final class ObjectStoreRestoreLedger implements RestoreLedger {

    /** Where the entries are kept. */
    public static final String PREFIX = "_bulwark/restores/";

    private static final Logger log = LoggerFactory.getLogger(ObjectStoreRestoreLedger.class);

    private final ObjectStore store;

    public ObjectStoreRestoreLedger(ObjectStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** @throws io.bulwark.artifacts.ObjectStoreException when the entry cannot be written */
    @Override
    public void begin(Entry entry) {
        write(entry);
    }

    @Override
    public void beat(UUID restoreId, Instant now) {
        try {
            find(restoreId)
                    .ifPresent(entry -> write(new Entry(
                            entry.restoreId(),
                            entry.targetId(),
                            entry.backupId(),
                            entry.prefix(),
                            entry.destinationId(),
                            entry.engine(),
                            entry.host(),
                            entry.port(),
                            entry.database(),
                            entry.createsDatabase(),
                            entry.owner(),
                            entry.ownerStartedAt(),
                            entry.requestedAt(),
                            now)));
        } catch (RuntimeException e) {
            log.debug("cannot beat restore {}: {}", restoreId, e.getMessage());
        }
    }

    @Override
    public void end(UUID restoreId) {
        try {
            store.delete(key(restoreId));
        } catch (RuntimeException e) {
            log.warn("cannot remove the ledger entry of restore {}: {}", restoreId, e.getMessage());
        }
    }

    @Override
    public Optional<Entry> find(UUID restoreId) {
        return read(key(restoreId));
    }

    /** @throws io.bulwark.artifacts.ObjectStoreException when the store cannot be listed */
    @Override
    public List<Entry> all() {
        List<Entry> entries = new ArrayList<>();
        for (String key : store.list(PREFIX)) {
            if (key.endsWith(".json")) {
                read(key).ifPresent(entries::add);
            }
        }
        return entries;
    }

    private void write(Entry entry) {
        store.putBytes(
                key(entry.restoreId()),
                EventJson.toPrettyString(entry).getBytes(StandardCharsets.UTF_8),
                "application/json");
    }

    private Optional<Entry> read(String key) {
        try (InputStream in = store.get(key)) {
            return Optional.of(EventJson.read(in.readAllBytes(), Entry.class));
        } catch (ObjectNotFoundException e) {
            return Optional.empty();
        } catch (IOException | InvalidEventException e) {
            log.warn("cannot read the restore ledger entry {}: {}", key, e.getMessage());
            return Optional.empty();
        }
    }

    private static String key(UUID restoreId) {
        return PREFIX + restoreId + ".json";
    }
}
