package io.bulwark.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.VerificationRequested;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.BackupState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RequestVerificationTest {

    private final Map<UUID, Backup> backups = new HashMap<>();
    private final List<VerificationRequested> published = new ArrayList<>();
    private final List<BackupCatalog.ReverifyCandidate> due = new ArrayList<>();
    private final java.util.Set<UUID> claimedElsewhere = new java.util.HashSet<>();
    private final RequestVerification requestVerification = new RequestVerification(catalog(), published::add);

    @ParameterizedTest
    @EnumSource(
            value = BackupState.class,
            names = {"COMPLETED", "VERIFIED", "VERIFICATION_FAILED", "VERIFICATION_ERROR"})
    void aStoredBackupIsRequestedWithItsPrefixAndManifestKeyFromTheProjection(BackupState state) {
        Backup backup = backup(state, "chinook/2026/11/adhoc_x/");

        VerificationRequested request =
                requestVerification.request(backup.backupId(), "api").orElseThrow();

        assertThat(published).containsExactly(request);
        assertThat(request.backupId()).isEqualTo(backup.backupId());
        assertThat(request.targetId()).isEqualTo("chinook");
        assertThat(request.prefix()).isEqualTo("chinook/2026/11/adhoc_x/");
        assertThat(request.manifestKey()).isEqualTo("chinook/2026/11/adhoc_x/manifest.json");
        assertThat(request.requestedBy()).isEqualTo("api");
        assertThat(request.eventId()).isEqualTo(request.requestId());
    }

    @Test
    void theSweepRequestsEachDueBackupItClaimsAndSkipsThoseClaimedElsewhereOrGone() {
        Backup ours = backup(BackupState.VERIFICATION_ERROR, "chinook/2026/11/adhoc_a/");
        Backup theirs = backup(BackupState.VERIFICATION_ERROR, "chinook/2026/11/adhoc_b/");
        Backup deletedMeanwhile = backup(BackupState.DELETED, "chinook/2026/11/adhoc_c/");
        due.add(new BackupCatalog.ReverifyCandidate(ours.backupId(), 0));
        due.add(new BackupCatalog.ReverifyCandidate(theirs.backupId(), 1));
        due.add(new BackupCatalog.ReverifyCandidate(deletedMeanwhile.backupId(), 0));
        claimedElsewhere.add(theirs.backupId());
        ReverifyErrors sweep = new ReverifyErrors(
                catalog(), requestVerification, java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(30), 5);

        assertThat(sweep.sweep()).isEqualTo(1);
        assertThat(published).singleElement().satisfies(request -> {
            assertThat(request.backupId()).isEqualTo(ours.backupId());
            assertThat(request.requestedBy()).isEqualTo(ReverifyErrors.REQUESTED_BY);
        });
    }

    @Test
    void anUnknownBackupIsEmptyAndPublishesNothing() {
        assertThat(requestVerification.request(UUID.randomUUID(), "api")).isEmpty();
        assertThat(published).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = BackupState.class,
            names = {"REQUESTED", "FAILED", "DELETED"})
    void aBackupWithoutAStoredArtifactIsNotVerifiable(BackupState state) {
        Backup backup = backup(state, "chinook/2026/11/adhoc_x/");

        assertThatThrownBy(() -> requestVerification.request(backup.backupId(), "api"))
                .isInstanceOf(NotVerifiableException.class)
                .hasMessageContaining(state.name());
        assertThat(published).isEmpty();
    }

    @Test
    void aBackupWithoutPrefixIsNotVerifiable() {
        Backup backup = backup(BackupState.VERIFICATION_FAILED, null);

        assertThatThrownBy(() -> requestVerification.request(backup.backupId(), "api"))
                .isInstanceOf(NotVerifiableException.class);
        assertThat(published).isEmpty();
    }

    private Backup backup(BackupState state, String prefix) {
        UUID id = UUID.randomUUID();
        Backup backup = Backup.builder()
                .backupId(id)
                .requestId(id)
                .targetId("chinook")
                .state(state)
                .prefix(prefix)
                .manifestKey(prefix == null ? null : prefix + "manifest.json")
                .firstSeenAt(Instant.parse("2026-11-23T02:00:00Z"))
                .updatedAt(Instant.parse("2026-11-23T02:00:00Z"))
                .build();
        backups.put(id, backup);
        return backup;
    }

    private BackupCatalog catalog() {
        return new BackupCatalog() {
            @Override
            public void lock(UUID backupId) {}

            @Override
            public boolean markProcessed(UUID eventId, String eventType, Instant at) {
                return true;
            }

            @Override
            public Optional<Backup> find(UUID backupId) {
                return Optional.ofNullable(backups.get(backupId));
            }

            @Override
            public void save(Backup backup) {
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
                return List.copyOf(due);
            }

            @Override
            public boolean claimReverification(ReverifyCandidate candidate, Instant now) {
                return !claimedElsewhere.contains(candidate.backupId());
            }
        };
    }
}
