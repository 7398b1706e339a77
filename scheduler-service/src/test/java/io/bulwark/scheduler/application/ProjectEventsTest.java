package io.bulwark.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.DeletionReason;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.BackupState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProjectEventsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final ProjectEvents projectEvents = new ProjectEvents(
            catalog, Clock.fixed(Instant.parse("2026-11-23T03:00:00Z"), ZoneOffset.UTC), new InlineTransactions());

    @Test
    void duplicateEventChangesNothing() {
        BackupRequested request = BackupRequested.of("chinook", Trigger.MANUAL, null, null, Tier.ADHOC, "api");

        assertThat(projectEvents.project(request)).isPresent();
        Backup first = catalog.find(request.backupId()).orElseThrow();
        assertThat(projectEvents.project(request)).isEmpty();

        assertThat(catalog.saves).isEqualTo(1);
        assertThat(catalog.find(request.backupId())).contains(first);
    }

    @Test
    void lateEventIsFoldedInWithoutFailing() {
        UUID id = UUID.randomUUID();
        projectEvents.project(deleted(id));

        var late = projectEvents.project(completed(id)).orElseThrow();

        assertThat(late.transitionIgnored()).isTrue();
        assertThat(catalog.find(id).orElseThrow().state()).isEqualTo(BackupState.DELETED);
        assertThat(catalog.find(id).orElseThrow().manifestKey()).isEqualTo("p/manifest.json");
    }

    @Test
    void eventWithoutBackupIdIsInvalid() {
        BackupDeleted noId = new BackupDeleted(UUID.randomUUID(), T0, 1, null, "chinook", null, null, null, 0);

        assertThatThrownBy(() -> projectEvents.project(noId))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("backupId");
        assertThat(catalog.processed).isEmpty();
    }

    @Test
    void eventWithoutEventIdIsInvalid() {
        BackupDeleted noEventId =
                new BackupDeleted(null, T0, 1, UUID.randomUUID(), "chinook", DeletionReason.MANUAL, null, null, 0);

        assertThatThrownBy(() -> projectEvents.project(noEventId))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("eventId");
    }

    private static BackupCompleted completed(UUID id) {
        return new BackupCompleted(
                UUID.randomUUID(),
                T0,
                1,
                id,
                id,
                "chinook",
                null,
                null,
                null,
                "p/",
                null,
                "p/manifest.json",
                null,
                T0,
                T0,
                1);
    }

    private static BackupDeleted deleted(UUID id) {
        return new BackupDeleted(
                UUID.randomUUID(),
                T0.plusSeconds(60),
                1,
                id,
                "chinook",
                DeletionReason.RETENTION,
                "keepLast=7",
                "p/",
                3);
    }

    /** The catalog port in memory, counting saves. */
    private static final class InMemoryCatalog implements BackupCatalog {

        final Map<UUID, Backup> backups = new HashMap<>();
        final Set<UUID> processed = new HashSet<>();
        int saves;

        @Override
        public void lock(UUID backupId) {}

        @Override
        public boolean markProcessed(UUID eventId, String eventType, Instant at) {
            return processed.add(eventId);
        }

        @Override
        public Optional<Backup> find(UUID backupId) {
            return Optional.ofNullable(backups.get(backupId));
        }

        @Override
        public void save(Backup backup) {
            saves++;
            backups.put(backup.backupId(), backup);
        }

        @Override
        public List<Backup> list(String targetId, BackupState state, int limit) {
            return List.copyOf(backups.values());
        }

        @Override
        public Optional<Backup> newestVerified(String targetId, Instant at) {
            throw new UnsupportedOperationException("not used here");
        }

        @Override
        public List<ReverifyCandidate> dueForReverification(
                Instant now, java.time.Duration backoff, int maxRequests, int limit) {
            throw new UnsupportedOperationException("not used here");
        }

        @Override
        public boolean claimReverification(ReverifyCandidate candidate, Instant now) {
            throw new UnsupportedOperationException("not used here");
        }
    }
}
