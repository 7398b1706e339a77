package io.bulwark.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.RestorePhase;
import io.bulwark.contracts.RestoreProgressed;
import io.bulwark.contracts.RestoreRequested;
import io.bulwark.contracts.RestoreState;
import io.bulwark.scheduler.domain.Restore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProjectRestoreEventsTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:15:00Z");

    private final InMemoryRestoreCatalog catalog = new InMemoryRestoreCatalog();
    private final ProjectRestoreEvents projection = new ProjectRestoreEvents(
            catalog, Clock.fixed(Instant.parse("2026-12-02T11:00:00Z"), ZoneOffset.UTC), new InlineTransactions());

    @Test
    void theSameEventTwiceChangesNothing() {
        RestoreRequested request = requested(UUID.randomUUID());

        assertThat(projection.project(request)).isPresent();
        Restore first = catalog.find(request.restoreId()).orElseThrow();
        assertThat(projection.project(request)).isEmpty();

        assertThat(catalog.saves).isEqualTo(1);
        assertThat(catalog.find(request.restoreId())).contains(first);
        assertThat(first.state()).isEqualTo(RestoreState.REQUESTED);
    }

    @Test
    void progressIsProjectedAsRunning() {
        UUID restoreId = UUID.randomUUID();
        projection.project(requested(restoreId));

        Restore running =
                projection.project(progress(restoreId, UUID.randomUUID())).orElseThrow();

        assertThat(running.state()).isEqualTo(RestoreState.RUNNING);
        assertThat(running.progress().percent()).isEqualTo(42);
    }

    @Test
    void anEventWithoutEventIdOrRestoreIdIsInvalid() {
        assertThatThrownBy(() -> projection.project(progress(UUID.randomUUID(), null)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("eventId");
        assertThatThrownBy(() -> projection.project(progress(null, UUID.randomUUID())))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("restoreId");
        assertThat(catalog.saves).isZero();
    }

    private static RestoreRequested requested(UUID restoreId) {
        return new RestoreRequested(
                null,
                T0,
                1,
                restoreId,
                "chinook",
                UUID.randomUUID(),
                "p/",
                null,
                null,
                null,
                null,
                false,
                null,
                List.of(),
                List.of(),
                false,
                null,
                "api",
                T0);
    }

    private static RestoreProgressed progress(UUID restoreId, UUID eventId) {
        return new RestoreProgressed(
                eventId,
                T0.plusSeconds(2),
                1,
                restoreId,
                "chinook",
                null,
                RestorePhase.RESTORE,
                42,
                100,
                80,
                42,
                3L,
                2000);
    }
}
