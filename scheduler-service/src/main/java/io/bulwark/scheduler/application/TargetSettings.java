package io.bulwark.scheduler.application;

import java.time.Duration;
import java.util.Objects;

/**
 * A configured target as the statistics see it.
 *
 * @param id the target id
 * @param engine the configured engine name ({@code postgresql}, {@code mariadb}, {@code mysql})
 * @param rpo the recovery point objective: how old the newest verified backup may get; longer than zero
 * @param rto the recovery time objective: how long a restore may take; longer than zero
 */
public record TargetSettings(String id, String engine, Duration rpo, Duration rto) {

    public TargetSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rpo, "rpo");
        Objects.requireNonNull(rto, "rto");
    }
}
