package io.bulwark.scheduler.domain.alerts;

import static io.bulwark.scheduler.domain.alerts.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.AlertKind;
import io.bulwark.contracts.AlertSeverity;
import io.bulwark.contracts.AlertState;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000a1e7");

    private final AlertLifecycle lifecycle = new AlertLifecycle(Duration.ofHours(1), () -> ID);
    private final Finding rpo = new Finding(
            "chinook", AlertKind.RPO_BREACH, AlertSeverity.CRITICAL, "", "chinook: no verified backup", null, null);

    @Test
    void aNewFindingOpensAnAlertPendingPublication() {
        AlertLifecycle.Changes changes = lifecycle.apply(List.of(), List.of(rpo, rpo), NOW);

        assertThat(changes.opened()).singleElement().satisfies(a -> {
            assertThat(a.alertId()).isEqualTo(ID);
            assertThat(a.state()).isEqualTo(AlertState.OPEN);
            assertThat(a.escalationLevel()).isZero();
            assertThat(a.pendingPublish()).isTrue();
        });
        assertThat(changes.changed()).isEmpty();
    }

    @Test
    void anOpenAlertStaysQuietWithinTheIntervalAndEscalatesAfterIt() {
        Alert open = published(Alert.open(rpo, ID, NOW));

        assertThat(lifecycle
                        .apply(List.of(open), List.of(rpo), NOW.plus(Duration.ofMinutes(59)))
                        .changed())
                .isEmpty();
        assertThat(lifecycle
                        .apply(List.of(open), List.of(rpo), NOW.plus(Duration.ofHours(1)))
                        .changed())
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.state()).isEqualTo(AlertState.ESCALATED);
                    assertThat(a.escalationLevel()).isEqualTo(1);
                    assertThat(a.lastSentAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
                    assertThat(a.eventId()).isNotEqualTo(open.eventId());
                });
    }

    @Test
    void anAlertWithoutItsFindingResolvesOnce() {
        Alert open = published(Alert.open(rpo, ID, NOW));

        assertThat(lifecycle
                        .apply(List.of(open), List.of(), NOW.plusSeconds(60))
                        .changed())
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
                    assertThat(a.resolvedAt()).isEqualTo(NOW.plusSeconds(60));
                });
    }

    @Test
    void anUnpublishedStateIsNotMovedOn() {
        Alert pending = Alert.open(rpo, ID, NOW);

        assertThat(lifecycle
                        .apply(List.of(pending), List.of(), NOW.plus(Duration.ofHours(2)))
                        .changed())
                .isEmpty();
        assertThat(lifecycle
                        .apply(List.of(pending), List.of(rpo), NOW.plus(Duration.ofHours(2)))
                        .changed())
                .isEmpty();
    }

    @Test
    void eventIdsAreDerivedFromAlertStateAndLevel() {
        Alert open = Alert.open(rpo, ID, NOW);

        assertThat(Alert.open(rpo, ID, NOW.plusSeconds(5)).eventId()).isEqualTo(open.eventId());
        assertThat(open.resolved(NOW).eventId()).isNotEqualTo(open.eventId());
    }

    private static Alert published(Alert a) {
        return new Alert(
                a.alertId(),
                a.targetId(),
                a.kind(),
                a.dedupKey(),
                a.severity(),
                a.state(),
                a.escalationLevel(),
                a.summary(),
                a.details(),
                a.backupId(),
                a.openedAt(),
                a.lastSentAt(),
                a.resolvedAt(),
                false);
    }
}
