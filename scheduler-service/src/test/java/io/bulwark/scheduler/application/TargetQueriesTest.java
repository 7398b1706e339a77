package io.bulwark.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.Outcome;
import io.bulwark.scheduler.domain.BackupState;
import io.bulwark.scheduler.domain.TargetHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TargetQueriesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T07:00:00Z");
    private static final UUID VERIFIED = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID LAST = UUID.fromString("00000000-0000-4000-8000-000000000002");

    private final TargetDirectory targets = () -> List.of(
            new TargetSettings("chinook", "postgresql", Duration.ofHours(25), Duration.ofHours(1)),
            new TargetSettings("fresh", "postgresql", Duration.ofHours(25), Duration.ofHours(1)));
    private final Map<String, StatisticsReads.TargetSnapshot> snapshots = Map.of(
            "chinook",
            new StatisticsReads.TargetSnapshot(
                    4096,
                    3,
                    new StatisticsReads.LastBackup(LAST, BackupState.REQUESTED, NOW.minusSeconds(60)),
                    new StatisticsReads.VerifiedBackup(
                            VERIFIED, NOW.minus(Duration.ofHours(26)), NOW.minus(Duration.ofHours(25))),
                    new TargetHealth.Verification(VERIFIED, Outcome.PASSED, NOW.minus(Duration.ofHours(25)), List.of()),
                    null),
            "fresh",
            new StatisticsReads.TargetSnapshot(0, 0, null, null, null, null));
    private final StatisticsReads reads = new StatisticsReads() {
        @Override
        public TargetSnapshot snapshot(String targetId) {
            return snapshots.get(targetId);
        }

        @Override
        public List<BackupSample> backups(String targetId, Instant from, Instant to) {
            return List.of();
        }

        @Override
        public List<RestoreSample> restores(String targetId, Instant from, Instant to) {
            return List.of();
        }
    };
    private final TargetQueries queries = new TargetQueries(
            targets,
            reads,
            (target, limit) -> List.of(new UpcomingRun(target, "nightly", NOW.plusSeconds(limit))),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void eachTargetWithItsHealthAgeAndCatalogTotals() {
        List<TargetStatus> all = queries.list();
        assertThat(all).extracting(t -> t.settings().id()).containsExactly("chinook", "fresh");

        TargetStatus chinook = all.getFirst();
        assertThat(chinook.health().status()).isEqualTo(TargetHealth.Status.RED);
        assertThat(chinook.health().reason()).isEqualTo("last verified backup is 26h old; RPO is 25h (breached)");
        assertThat(chinook.lastVerified().ageSeconds()).isEqualTo(26 * 3600);
        assertThat(chinook.lastVerified().backupId()).isEqualTo(VERIFIED);
        assertThat(chinook.lastBackup().backupId()).isEqualTo(LAST);
        assertThat(chinook.storedBytes()).isEqualTo(4096);
        assertThat(chinook.backupCount()).isEqualTo(3);
        assertThat(chinook.nextRuns()).containsExactly(new UpcomingRun("chinook", "nightly", NOW.plusSeconds(5)));

        TargetStatus fresh = queries.get("fresh");
        assertThat(fresh.health().status()).isEqualTo(TargetHealth.Status.UNKNOWN);
        assertThat(fresh.lastVerified()).isNull();
        assertThat(fresh.lastBackup()).isNull();
    }

    @Test
    void anUnknownTargetIsNotConfigured() {
        assertThatThrownBy(() -> queries.get("nosuchdb"))
                .isInstanceOf(TargetNotConfiguredException.class)
                .hasMessage("target 'nosuchdb' is not configured");
    }
}
