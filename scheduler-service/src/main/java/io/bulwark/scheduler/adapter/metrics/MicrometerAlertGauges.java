package io.bulwark.scheduler.adapter.metrics;

import io.bulwark.contracts.AlertKind;
import io.bulwark.scheduler.application.alerts.AlertStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The gauge {@code bulwark.alerts.open} (Prometheus {@code bulwark_alerts_open{kind}}): how many alerts of each kind
 * are OPEN or ESCALATED, read from {@code scheduler.alerts} (so every scheduler instance reports the same), at most
 * once per {@value #CACHE_SECONDS} seconds for all kinds. A failed read reports the last known counts.
 */
public class MicrometerAlertGauges {

    /** How long one read of the counts serves the scrapes. */
    static final long CACHE_SECONDS = 5;

    private final AlertStore store;
    private final Clock clock;
    private Map<AlertKind, Long> counts = Map.of();
    private Instant readAt = Instant.MIN;

    /** Registers one gauge per {@link AlertKind} on {@code registry}. */
    public MicrometerAlertGauges(AlertStore store, MeterRegistry registry, Clock clock) {
        this.store = store;
        this.clock = clock;
        for (AlertKind kind : AlertKind.values()) {
            Gauge.builder("bulwark.alerts.open", this, g -> g.count(kind))
                    .description("Alerts OPEN or ESCALATED, by kind")
                    .tag("kind", kind.name())
                    .register(registry);
        }
    }

    private synchronized double count(AlertKind kind) {
        Instant now = clock.instant();
        if (Duration.between(readAt, now).getSeconds() >= CACHE_SECONDS) {
            try {
                counts = store.unresolvedByKind();
            } catch (RuntimeException e) {
                // keep the last counts; the next scrape tries again
            }
            readAt = now;
        }
        return counts.getOrDefault(kind, 0L);
    }
}
