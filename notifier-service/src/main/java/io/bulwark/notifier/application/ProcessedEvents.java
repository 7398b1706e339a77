package io.bulwark.notifier.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The ids of the source events already handled, so that a redelivered event notifies nobody twice.
 *
 * <p>In memory and bounded (the oldest ids are forgotten first): a restart forgets everything.
 * Persisting them together with an outbox of pending deliveries is later work. Thread-safe.
 */
public final class ProcessedEvents {

    private final Map<UUID, Boolean> seen;

    /**
     * @param capacity how many ids to remember, at least 1
     */
    public ProcessedEvents(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1 but was " + capacity);
        }
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Remembers {@code eventId}.
     *
     * @return true the first time, false when it was seen before
     */
    public synchronized boolean firstTime(UUID eventId) {
        return seen.putIfAbsent(eventId, Boolean.TRUE) == null;
    }
}
