package io.bulwark.verifier.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.InMemoryObjectStore;
import io.bulwark.contracts.RestoreCompleted;
import io.bulwark.contracts.RestoreFailed;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.RestoreProgressed;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.RestoreEngine;
import io.bulwark.pipeline.ReportStore;
import io.bulwark.pipeline.StoredBackups;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InterruptedRestoresTest {

    private static final Instant START = Instant.parse("2026-11-23T19:00:00Z");
    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(10);

    private final Clock clock = new TickingClock(START.plusSeconds(60));
    private final MapLedger ledger = new MapLedger();
    private final List<RestoreFailed> failed = new CopyOnWriteArrayList<>();
    private final AtomicInteger drops = new AtomicInteger();
    private final InterruptedRestores interrupted = interruptedRestores();

    @Test
    void aRestoreFoundInterruptedByTheSweepsAndARequestDeliveredAgainAtOnceIsEndedOnce() throws Exception {
        RestoreLedger.Entry entry = entry(START);
        ledger.begin(entry);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                interrupted.end(entry);
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }

        assertThat(failed).as("RestoreFailed published").hasSize(1);
        assertThat(failed.getFirst().reason()).isEqualTo(RestoreFailureReason.INTERRUPTED);
        assertThat(failed.getFirst().databaseDropped()).isTrue();
        assertThat(drops).as("DROP DATABASE").hasValue(1);
        assertThat(ledger.all()).isEmpty();
    }

    @Test
    void aSweepEndsEachInterruptedRestoreOnceAndLeavesARunningOne() {
        RestoreLedger.Entry stale = entry(START);
        RestoreLedger.Entry beating = entry(clock.instant());
        ledger.begin(stale);
        ledger.begin(beating);

        assertThat(interrupted.sweep()).isEqualTo(1);
        assertThat(interrupted.sweep()).isZero();

        assertThat(failed).extracting(RestoreFailed::restoreId).containsExactly(stale.restoreId());
        assertThat(ledger.all()).containsExactly(beating);
    }

    @Test
    void aRestoreOfThisVeryProcessIsNeverEndedHoweverLateItsHeartbeat() {
        RestoreLedger.Entry e = entry(START);
        RestoreLedger.Entry ours = new RestoreLedger.Entry(
                e.restoreId(),
                e.targetId(),
                e.backupId(),
                e.prefix(),
                e.destinationId(),
                e.engine(),
                e.host(),
                e.port(),
                e.database(),
                e.createsDatabase(),
                "this-host/4242",
                START,
                e.requestedAt(),
                START.minus(HEARTBEAT_TIMEOUT.multipliedBy(10)));
        ledger.begin(ours);

        assertThat(interrupted.sweep()).isZero();

        assertThat(failed).isEmpty();
        assertThat(drops).hasValue(0);
        assertThat(ledger.find(ours.restoreId())).isPresent();
    }

    @Test
    void anEntryBeatenAgainSinceItWasFoundIsNotEnded() {
        RestoreLedger.Entry found = entry(START);
        ledger.begin(found);
        ledger.beat(found.restoreId(), clock.instant());

        assertThat(interrupted.end(found)).isFalse();

        assertThat(failed).isEmpty();
        assertThat(drops).hasValue(0);
        assertThat(ledger.find(found.restoreId())).isPresent();
    }

    private InterruptedRestores interruptedRestores() {
        InMemoryObjectStore store = new InMemoryObjectStore();
        ReportStore reports = new ReportStore(store, null);
        RestoreEngine engine = (RestoreEngine) Proxy.newProxyInstance(
                RestoreEngine.class.getClassLoader(), new Class<?>[] {RestoreEngine.class}, (proxy, method, args) -> {
                    if (method.getName().equals("dropDatabase")) {
                        drops.incrementAndGet();
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        RestoreDestinations destinations = id -> new RestoreDestinations.Destination(
                id, "postgresql", engine, null, new ConnectionSpec("db.internal", 5432, "postgres", "restore", null));
        RestorePublisher publisher = new RestorePublisher() {
            @Override
            public void progressed(RestoreProgressed event) {}

            @Override
            public void completed(RestoreCompleted event) {
                throw new AssertionError("an interrupted restore completed: " + event);
            }

            @Override
            public void failed(RestoreFailed event) {
                failed.add(event);
            }
        };
        return new InterruptedRestores(
                ledger,
                destinations,
                new StoredBackups(store, reports),
                new RestoreOutcomes(reports, publisher, clock),
                clock,
                HEARTBEAT_TIMEOUT,
                new RestoreOwner("this-host", 4242, START));
    }

    private static RestoreLedger.Entry entry(Instant beatAt) {
        return new RestoreLedger.Entry(
                UUID.randomUUID(),
                "chinook",
                UUID.randomUUID(),
                "chinook/2026/11/adhoc_x/",
                "staging",
                "postgresql",
                "db.internal",
                5432,
                "chinook_copy",
                true,
                "other-host/17",
                START.minusSeconds(600),
                START.minusSeconds(5),
                beatAt);
    }

    /** A clock that moves on a millisecond at every reading, as a real one would between two outcomes. */
    private static final class TickingClock extends Clock {
        private final AtomicLong millis;

        TickingClock(Instant start) {
            this.millis = new AtomicLong(start.toEpochMilli());
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.getAndIncrement());
        }
    }

    /** The ledger in a map. */
    private static final class MapLedger implements RestoreLedger {
        private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

        @Override
        public void begin(Entry entry) {
            entries.put(entry.restoreId(), entry);
        }

        @Override
        public void beat(UUID restoreId, Instant now) {
            entries.computeIfPresent(
                    restoreId,
                    (id, e) -> new Entry(
                            e.restoreId(),
                            e.targetId(),
                            e.backupId(),
                            e.prefix(),
                            e.destinationId(),
                            e.engine(),
                            e.host(),
                            e.port(),
                            e.database(),
                            e.createsDatabase(),
                            e.owner(),
                            e.ownerStartedAt(),
                            e.requestedAt(),
                            now));
        }

        @Override
        public void end(UUID restoreId) {
            entries.remove(restoreId);
        }

        @Override
        public Optional<Entry> find(UUID restoreId) {
            return Optional.ofNullable(entries.get(restoreId));
        }

        @Override
        public List<Entry> all() {
            return List.copyOf(entries.values());
        }
    }
}
