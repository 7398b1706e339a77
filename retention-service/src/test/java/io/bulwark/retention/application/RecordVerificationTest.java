package io.bulwark.retention.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.retention.domain.CatalogedBackup;
import io.bulwark.retention.domain.RetentionPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
        public List<CatalogedBackup> liveBackups(String targetId) {
            return List.of();
        }

        @Override
        public List<String> targetsWithLiveBackups() {
            return List.of();
        }

        @Override
        public void markDeleted(UUID backupId, Instant deletedAt) {}
    };
    private final List<BackupDeleted> published = new ArrayList<>();
    private final RecordVerification record = new RecordVerification(
            catalog,
            new ExpireBackups(catalog, null, published::add, t -> RetentionPolicy.keepLast(7), Clock.systemUTC()));

    private static BackupVerified event(String targetId, String prefix, Instant completedAt) {
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
}
