package io.bulwark.retention.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.artifacts.InMemoryObjectStore;
import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.retention.domain.CatalogedBackup;
import io.bulwark.retention.domain.RetentionPolicy;
import io.bulwark.retention.domain.VerdictAgreement.StoredVerdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordVerificationTest {

    private static final Instant AT = Instant.parse("2026-11-23T02:10:00Z");

    private final List<CatalogedBackup> recorded = new ArrayList<>();
    private final Set<UUID> seen = new HashSet<>();
    private final BackupCatalog catalog = new BackupCatalog() {
        @Override
        public boolean recordVerification(UUID eventId, CatalogedBackup backup, Instant verifiedAt) {
            if (!seen.add(eventId)) {
                return false;
            }
            recorded.add(backup);
            return true;
        }

        @Override
        public boolean processed(UUID eventId) {
            return seen.contains(eventId);
        }

        @Override
        public List<CatalogedBackup> liveBackups(String targetId) {
            return List.of();
        }

        @Override
        public List<String> targetsWithLiveBackups() {
            return List.of();
        }

        @Override
        public Optional<CatalogedBackup> find(UUID backupId) {
            return Optional.empty();
        }

        @Override
        public void markDeleted(UUID backupId, Instant deletedAt) {}
    };
    private final List<BackupDeleted> published = new ArrayList<>();
    /** The verification.json files "in the bucket", by prefix. */
    private final Map<String, StoredVerdict> stored = new HashMap<>();

    private int unavailableTries;
    private final StoredVerdicts verdicts = prefix -> {
        if (unavailableTries > 0) {
            unavailableTries--;
            throw new StoredVerdicts.Unavailable("connection refused", null);
        }
        return Optional.ofNullable(stored.get(prefix));
    };
    private final RecordVerification record = new RecordVerification(
            catalog,
            new ExpireBackups(
                    catalog,
                    new DeleteBackup(
                            catalog,
                            new InMemoryDeletionLedger(id -> null),
                            new InMemoryHoldStore(),
                            new InMemoryObjectStore(),
                            published::add,
                            Clock.systemUTC(),
                            bytes -> {}),
                    t -> RetentionPolicy.keepLast(7),
                    Clock.systemUTC()),
            verdicts,
            Duration.ofMillis(1),
            Duration.ofMillis(4));

    /** An event whose verdict the verifier stored too. */
    private BackupVerified event(String targetId, String prefix, Instant completedAt) {
        BackupVerified event = forged(targetId, prefix, completedAt);
        if (prefix != null) {
            stored.put(
                    prefix.endsWith("/") ? prefix : prefix + "/",
                    new StoredVerdict(event.backupId(), targetId, event.outcome()));
        }
        return event;
    }

    /** An event without a stored verdict. */
    private static BackupVerified forged(String targetId, String prefix, Instant completedAt) {
        return new BackupVerified(
                UUID.randomUUID(),
                AT,
                1,
                UUID.randomUUID(),
                targetId,
                Outcome.PASSED,
                List.of(),
                null,
                "local",
                null,
                prefix,
                completedAt,
                Tier.DAILY);
    }

    @Test
    void catalogsTheBackupOncePerEvent() {
        BackupVerified event =
                event("chinook", "chinook/2026/11/nightly_20261123T020000Z_1a2b3c4d/", AT.minusSeconds(60));

        record.handle(event);
        record.handle(event);

        assertThat(recorded).singleElement().satisfies(b -> {
            assertThat(b.backupId()).isEqualTo(event.backupId());
            assertThat(b.completedAt()).isEqualTo(AT.minusSeconds(60));
            assertThat(b.outcome()).isEqualTo(Outcome.PASSED);
        });
    }

    @Test
    void rejectsAPrefixThatWouldDeleteMoreThanOneBackup() {
        for (String prefix : List.of("chinook/", "chinook/2026/", "chinook/2026/11/", "sakila/2026/11/x/", "", "/")) {
            assertThatThrownBy(() -> record.handle(event("chinook", prefix, AT)))
                    .as(prefix)
                    .isInstanceOf(InvalidEventException.class)
                    .hasMessageContaining("prefix");
        }
        assertThat(recorded).isEmpty();
    }

    @Test
    void rejectsAMissingFieldNamingIt() {
        assertThatThrownBy(() -> record.handle(event("chinook", null, AT)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("BackupVerified: prefix is required");
        assertThatThrownBy(() -> record.handle(event("Not Safe", "x/2026/11/a/", AT)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("targetId");
    }

    @Test
    void acceptsAPrefixWithoutTrailingSlashAndAMissingCompletionTime() {
        record.handle(event("chinook", "chinook/2026/11/nightly_20261123T020000Z_1a2b3c4d", null));

        assertThat(recorded).singleElement().satisfies(b -> {
            assertThat(b.prefix()).isEqualTo("chinook/2026/11/nightly_20261123T020000Z_1a2b3c4d/");
            assertThat(b.completedAt()).isEqualTo(AT);
        });
    }

    @Test
    void aForgedEventWithoutAStoredReportChangesNothing() {
        String prefix = "chinook/2026/11/nightly_20261123T020000Z_1a2b3c4d/";
        assertThatThrownBy(() -> record.handle(forged("chinook", prefix, AT)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("no verification.json is stored");
        assertThat(recorded).isEmpty();
        assertThat(seen).isEmpty();
    }

    @Test
    void anEventThatDisagreesWithTheStoredReportChangesNothing() {
        String prefix = "chinook/2026/11/nightly_20261123T020000Z_1a2b3c4d/";
        BackupVerified event = forged("chinook", prefix, AT);
        stored.put(prefix, new StoredVerdict(event.backupId(), "chinook", Outcome.FAILED));
        assertThatThrownBy(() -> record.handle(event)).hasMessageContaining("says FAILED, the event PASSED");
        stored.put(prefix, new StoredVerdict(UUID.randomUUID(), "chinook", Outcome.PASSED));
        assertThatThrownBy(() -> record.handle(event)).hasMessageContaining("is of backup");
        stored.put(prefix, new StoredVerdict(event.backupId(), "sakila", Outcome.PASSED));
        assertThatThrownBy(() -> record.handle(event)).hasMessageContaining("is of target sakila");
        assertThat(recorded).isEmpty();
    }

    @Test
    void anUnreadableStoreIsWaitedOut() {
        unavailableTries = 3;
        record.handle(event("chinook", "chinook/2026/11/nightly_20261123T020000Z_1a2b3c4d/", AT));
        assertThat(unavailableTries).isZero();
        assertThat(recorded).hasSize(1);
    }
}
