package io.bulwark.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.RestoreRequested;
import io.bulwark.contracts.RestoreState;
import io.bulwark.engines.DatabaseState;
import io.bulwark.scheduler.config.RestoreProperties;
import io.bulwark.scheduler.config.SchedulerProperties;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.BackupState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RequestRestoreTest {

    private static final Instant NOW = Instant.parse("2026-12-02T11:00:00Z");

    private final Map<UUID, Backup> backups = new HashMap<>();
    private final List<RestoreRequested> published = new ArrayList<>();
    private final Map<String, DatabaseState> databases = new HashMap<>();
    private final List<String> probed = new ArrayList<>();
    private final InMemoryRestoreCatalog restores = new InMemoryRestoreCatalog();
    private boolean unreachable;
    private boolean brokerDown;

    private final SchedulerProperties targets = new SchedulerProperties(Map.of(
            "chinook", target("postgresql", "127.0.0.1", 5432, "chinook"),
            "shop", target("mariadb", "127.0.0.1", 3306, "shop"),
            "bare", target("postgresql", null, null, null)));
    private final RestoreProperties destinations = new RestoreProperties(Map.of(
            "staging",
            new RestoreProperties.Destination("postgresql", "192.0.2.10", null, "restore", "STAGING_PW", null, null),
            "maria",
            new RestoreProperties.Destination("mariadb", "maria.internal", null, "root", null, null, null)));
    private final RequestRestore requestRestore = new RequestRestore(
            backupCatalog(),
            new io.bulwark.scheduler.config.ConfiguredDestinations(targets, destinations),
            new DestinationGuard(this::probe),
            request -> {
                if (brokerDown) {
                    throw new PublishFailedException("the broker did not take restore " + request.restoreId(), null);
                }
                published.add(request);
            },
            new ProjectRestoreEvents(restores, Clock.fixed(NOW, ZoneOffset.UTC), new InlineTransactions()),
            restores,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aVerifiedBackupIsPublishedWithItsIdPrefixAndWhatWasAskedAndReadableAsRequested() {
        Backup backup = backup("chinook", BackupState.VERIFIED, NOW.minusSeconds(60));
        RestoreCommand command = new RestoreCommand(
                "staging", null, null, false, null, List.of(), List.of("public.album", "public.artist"), false, 4);

        RequestRestore.Accepted accepted = requestRestore.restoreBackup(backup.backupId(), command, "api");

        RestoreRequested event = published.getFirst();
        assertThat(event.restoreId()).isEqualTo(accepted.restore().restoreId());
        assertThat(event.eventId()).isEqualTo(event.restoreId());
        assertThat(event.targetId()).isEqualTo("chinook");
        assertThat(event.backupId()).isEqualTo(backup.backupId());
        assertThat(event.prefix()).isEqualTo(backup.prefix());
        assertThat(event.destinationId()).isEqualTo("staging");
        assertThat(event.tables()).containsExactly("public.album", "public.artist");
        assertThat(event.jobs()).isEqualTo(4);
        assertThat(event.requestedBy()).isEqualTo("api");
        assertThat(event.requestedAt()).isEqualTo(NOW);
        assertThat(accepted.restore().state()).isEqualTo(RestoreState.REQUESTED);
        assertThat(restores.find(event.restoreId())).contains(accepted.restore());
        assertThat(accepted.destinationCheck().status()).isEqualTo(DestinationCheck.Status.SKIPPED);
        assertThat(probed).as("a new database: nothing to ask").isEmpty();
    }

    @Test
    void anUnknownBackupIsNotFoundAndNothingIsPublished() {
        assertThatThrownBy(() -> requestRestore.restoreBackup(UUID.randomUUID(), RestoreCommand.defaults(), "api"))
                .isInstanceOf(BackupNotFoundException.class);
        assertThat(published).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = BackupState.class,
            names = {"REQUESTED", "FAILED", "DELETED"})
    void aBackupWithNothingStoredIsNotRestorableEvenWithForce(BackupState state) {
        Backup backup = backup("chinook", state, NOW);
        RestoreCommand force = new RestoreCommand(null, null, null, false, null, null, null, true, null);

        assertThatThrownBy(() -> requestRestore.restoreBackup(backup.backupId(), force, "api"))
                .isInstanceOf(NotRestorableException.class)
                .hasMessageContaining(state.name())
                .hasMessageContaining("no stored artifact");
        assertThat(published).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = BackupState.class,
            names = {"COMPLETED", "VERIFICATION_FAILED", "VERIFICATION_ERROR"})
    void aBackupThatIsNotVerifiedIsRestoredOnlyWithForce(BackupState state) {
        Backup backup = backup("chinook", state, NOW);

        assertThatThrownBy(() -> requestRestore.restoreBackup(backup.backupId(), RestoreCommand.defaults(), "api"))
                .isInstanceOf(NotRestorableException.class)
                .hasMessageContaining("not VERIFIED")
                .hasMessageContaining("force: true");
        assertThat(published).isEmpty();

        RestoreCommand force = new RestoreCommand(null, null, null, false, null, null, null, true, null);
        requestRestore.restoreBackup(backup.backupId(), force, "api");
        assertThat(published)
                .singleElement()
                .satisfies(event -> assertThat(event.force()).isTrue());
    }

    @Test
    void unknownDestinationsAndDestinationsOfAnotherEngineNameTheirField() {
        Backup backup = backup("chinook", BackupState.VERIFIED, NOW);

        assertDestinationField(
                backup,
                new RestoreCommand("nowhere", null, null, false, null, null, null, false, null),
                "destinationId");
        assertDestinationField(
                backup,
                new RestoreCommand(null, "nosuchdb", null, false, null, null, null, false, null),
                "destinationTarget");
        assertDestinationField(
                backup, new RestoreCommand("maria", null, null, false, null, null, null, false, null), "destinationId");
        assertDestinationField(
                backup,
                new RestoreCommand(null, "shop", null, false, null, null, null, false, null),
                "destinationTarget");
        assertThat(published).isEmpty();
    }

    @Test
    void anExistingNonEmptyDatabaseIsRefusedWithoutReplaceAndTakenWithConfirmedReplace() {
        Backup backup = backup("chinook", BackupState.VERIFIED, NOW);
        databases.put("192.0.2.10:5432/chinook_copy", new DatabaseState(true, 3));

        assertThatThrownBy(() -> requestRestore.restoreBackup(
                        backup.backupId(), into("staging", "chinook_copy", false, null), "api"))
                .isInstanceOf(DestinationRefusedException.class)
                .hasMessage("database chinook_copy on 192.0.2.10:5432 exists and is not empty (3 tables);"
                        + " restore into it only with replace: true and confirm: chinook_copy, or into a new database");
        assertThat(published).isEmpty();

        probed.clear();
        RequestRestore.Accepted accepted = requestRestore.restoreBackup(
                backup.backupId(), into("staging", "chinook_copy", true, "chinook_copy"), "api");
        assertThat(accepted.destinationCheck().status()).isEqualTo(DestinationCheck.Status.SKIPPED);
        assertThat(probed).isEmpty();
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.replace()).isTrue();
            assertThat(event.confirm()).isEqualTo("chinook_copy");
        });
    }

    @Test
    void aMissingOrEmptyDatabasePasses() {
        Backup backup = backup("chinook", BackupState.VERIFIED, NOW);
        databases.put("192.0.2.10:5432/empty", new DatabaseState(true, 0));

        assertThat(requestRestore
                        .restoreBackup(backup.backupId(), into("staging", "empty", false, null), "api")
                        .destinationCheck())
                .satisfies(check -> {
                    assertThat(check.status()).isEqualTo(DestinationCheck.Status.PASSED);
                    assertThat(check.server()).isEqualTo("192.0.2.10:5432");
                    assertThat(check.detail()).contains("exists and is empty");
                });
        assertThat(requestRestore
                        .restoreBackup(backup.backupId(), into("staging", "fresh", false, null), "api")
                        .destinationCheck()
                        .detail())
                .contains("does not exist");
        assertThat(probed).containsExactly("192.0.2.10:5432/empty", "192.0.2.10:5432/fresh");
    }

    @Test
    void theBackupsOwnSourceDatabaseIsRefusedWithoutReplaceEvenWhenEmpty() {
        Backup backup = backup("chinook", BackupState.VERIFIED, NOW);
        databases.put("127.0.0.1:5432/chinook", new DatabaseState(true, 0));

        assertThatThrownBy(() ->
                        requestRestore.restoreBackup(backup.backupId(), into(null, "chinook", false, null), "api"))
                .isInstanceOf(DestinationRefusedException.class)
                .hasMessageContaining("database chinook on 127.0.0.1:5432 is the backup's own source database")
                .hasMessageContaining("confirm: chinook");
        RestoreCommand viaTarget = new RestoreCommand(null, "chinook", "chinook", false, null, null, null, false, null);
        assertThatThrownBy(() -> requestRestore.restoreBackup(backup.backupId(), viaTarget, "api"))
                .isInstanceOf(DestinationRefusedException.class);
        assertThat(published).isEmpty();

        requestRestore.restoreBackup(backup.backupId(), into(null, "chinook", true, "chinook"), "api");
        assertThat(published).hasSize(1);
    }

    @Test
    void aDatabaseOfTheSourcesNameOnAnotherServerIsNoSource() {
        Backup backup = backup("chinook", BackupState.VERIFIED, NOW);

        RequestRestore.Accepted accepted =
                requestRestore.restoreBackup(backup.backupId(), into("staging", "chinook", false, null), "api");

        assertThat(accepted.destinationCheck().status()).isEqualTo(DestinationCheck.Status.PASSED);
    }

    @Test
    void anUnreachableDestinationIsNotCheckedButPublishedForTheVerifierToDecide() {
        Backup backup = backup("chinook", BackupState.VERIFIED, NOW);
        unreachable = true;

        RequestRestore.Accepted accepted =
                requestRestore.restoreBackup(backup.backupId(), into("staging", "chinook_copy", false, null), "api");

        assertThat(accepted.destinationCheck().status()).isEqualTo(DestinationCheck.Status.NOT_CHECKED);
        assertThat(accepted.destinationCheck().detail())
                .contains("connection refused")
                .contains("the verifier checks");
        assertThat(published).hasSize(1);
    }

    @Test
    void aTargetWithoutHostIsNotCheckedButPublished() {
        Backup backup = backup("bare", BackupState.VERIFIED, NOW);

        RequestRestore.Accepted accepted =
                requestRestore.restoreBackup(backup.backupId(), into(null, "bare_copy", false, null), "api");

        assertThat(accepted.destinationCheck().status()).isEqualTo(DestinationCheck.Status.NOT_CHECKED);
        assertThat(probed).isEmpty();
    }

    @Test
    void aTargetRestoreTakesTheNewestVerifiedBackupCompletedAtOrBeforeTheTime() {
        Backup old = backup("chinook", BackupState.VERIFIED, NOW.minus(Duration.ofDays(2)));
        Backup recent = backup("chinook", BackupState.VERIFIED, NOW.minus(Duration.ofDays(1)));
        backup("chinook", BackupState.VERIFICATION_FAILED, NOW.minusSeconds(60));
        backup("shop", BackupState.VERIFIED, NOW.minusSeconds(30));

        requestRestore.restoreTarget("chinook", null, RestoreCommand.defaults(), "api");
        Instant at = NOW.minus(Duration.ofHours(36));
        requestRestore.restoreTarget("chinook", at, RestoreCommand.defaults(), "api");

        assertThat(published).extracting(RestoreRequested::backupId).containsExactly(recent.backupId(), old.backupId());
        assertThat(published.get(1).at()).isEqualTo(at);
        assertThat(published.get(1).prefix()).isEqualTo(old.prefix());
    }

    @Test
    void aTargetRestoreWithNothingToRestoreOrAnUnknownTargetIsRefused() {
        backup("chinook", BackupState.VERIFIED, NOW);

        assertThatThrownBy(() -> requestRestore.restoreTarget(
                        "chinook", NOW.minus(Duration.ofDays(3)), RestoreCommand.defaults(), "api"))
                .isInstanceOf(BackupNotFoundException.class)
                .hasMessageContaining("target chinook has no VERIFIED backup completed at or before");
        assertThatThrownBy(() -> requestRestore.restoreTarget("nosuchdb", null, RestoreCommand.defaults(), "api"))
                .isInstanceOf(UnknownTargetException.class);
        assertThatThrownBy(() -> requestRestore.restoreTarget("Not Safe", null, RestoreCommand.defaults(), "api"))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(published).isEmpty();
    }

    @Test
    void aRequestTheBrokerDidNotTakeIsNotProjected() {
        Backup backup = backup("chinook", BackupState.VERIFIED, NOW);
        brokerDown = true;

        assertThatThrownBy(() -> requestRestore.restoreBackup(backup.backupId(), RestoreCommand.defaults(), "api"))
                .isInstanceOf(PublishFailedException.class);
        assertThat(restores.restores).isEmpty();
    }

    @Test
    void theRequestItselfIsCheckedBeforeTheBackupIsLookedUp() {
        assertThatThrownBy(() ->
                        requestRestore.restoreBackup(UUID.randomUUID(), into(null, "chinook", true, "wrong"), "api"))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).field())
                .isEqualTo("confirm");
    }

    private DatabaseState probe(DestinationServer server, String database) throws DestinationUnreachableException {
        String key = server.where() + "/" + database;
        probed.add(key);
        if (unreachable) {
            throw new DestinationUnreachableException("cannot ask " + server.where() + ": connection refused", null);
        }
        return databases.getOrDefault(key, DatabaseState.ABSENT);
    }

    private void assertDestinationField(Backup backup, RestoreCommand command, String field) {
        assertThatThrownBy(() -> requestRestore.restoreBackup(backup.backupId(), command, "api"))
                .isInstanceOf(InvalidDestinationException.class)
                .extracting(e -> ((InvalidDestinationException) e).field())
                .isEqualTo(field);
    }

    private static RestoreCommand into(String destinationId, String database, boolean replace, String confirm) {
        return new RestoreCommand(destinationId, null, database, replace, confirm, null, null, false, null);
    }

    private static SchedulerProperties.Target target(String engine, String host, Integer port, String database) {
        return new SchedulerProperties.Target(engine, host, port, database, "postgres", null, null, Map.of());
    }

    private Backup backup(String targetId, BackupState state, Instant completedAt) {
        UUID id = UUID.randomUUID();
        String prefix = targetId + "/2026/12/adhoc_" + id.toString().substring(0, 8) + "/";
        Backup backup = Backup.builder()
                .backupId(id)
                .requestId(id)
                .targetId(targetId)
                .state(state)
                .prefix(state == BackupState.REQUESTED || state == BackupState.FAILED ? null : prefix)
                .completedAt(completedAt)
                .firstSeenAt(completedAt)
                .updatedAt(completedAt)
                .build();
        backups.put(id, backup);
        return backup;
    }

    private BackupCatalog backupCatalog() {
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
                return backups.values().stream()
                        .filter(b -> b.targetId().equals(targetId) && b.state() == BackupState.VERIFIED)
                        .filter(b -> at == null || !b.completedAt().isAfter(at))
                        .max(Comparator.comparing(Backup::completedAt));
            }

            @Override
            public List<ReverifyCandidate> dueForReverification(
                    Instant now, Duration backoff, int maxRequests, int limit) {
                return List.of();
            }

            @Override
            public boolean claimReverification(ReverifyCandidate candidate, Instant now) {
                return false;
            }
        };
    }
}
