package io.bulwark.scheduler.adapter.storage;

import io.bulwark.scheduler.application.alerts.ObjectStoreProbe;
import io.bulwark.service.health.ObjectStoreHealthIndicator;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link ObjectStoreProbe} through the shared {@link ObjectStoreHealthIndicator} (bucket exists, bounded by its
 * timeout): empty when UP, else the indicator's {@code error} detail (names no credential).
 */
public class BucketObjectStoreProbe implements ObjectStoreProbe {

    private final ObjectStoreHealthIndicator indicator;

    /** @param indicator the bucket probe with its timeout; not registered as a health component here */
    public BucketObjectStoreProbe(ObjectStoreHealthIndicator indicator) {
        this.indicator = indicator;
    }

    @Override
    public Optional<String> problem() {
        Health health = indicator.health();
        if (Status.UP.equals(health.getStatus())) {
            return Optional.empty();
        }
        Object error = health.getDetails().get("error");
        return Optional.of(error == null ? "status " + health.getStatus() : error.toString());
    }
}
