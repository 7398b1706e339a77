package io.bulwark.scheduler.application.alerts;

import java.time.Duration;
import java.util.Objects;

/**
 * A configured target as the alert rules see it.
 *
 * @param targetId the target id
 * @param rpo its recovery point objective, positive
 * @param rto its recovery time objective, positive
 * @param maxDumpDuration the longest a dump may take ({@code bulwark.targets.<id>.alerts.max-dump-duration}), or
 *     null when not set
 */
public record WatchedTarget(String targetId, Duration rpo, Duration rto, Duration maxDumpDuration) {
    public WatchedTarget {
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(rpo, "rpo");
        Objects.requireNonNull(rto, "rto");
    }
}
