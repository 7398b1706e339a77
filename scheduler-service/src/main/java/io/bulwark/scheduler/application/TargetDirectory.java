package io.bulwark.scheduler.application;

import java.util.List;
import java.util.Optional;

/** Port: the configured targets with their objectives ({@code bulwark.targets.<id>.rpo|rto}). */
public interface TargetDirectory {

    /** Every configured target, in configuration order. */
    List<TargetSettings> targets();

    /** The target with that id, or empty when it is not configured (also for null). */
    default Optional<TargetSettings> target(String targetId) {
        return targets().stream().filter(t -> t.id().equals(targetId)).findFirst();
    }
}
