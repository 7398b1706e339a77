package io.bulwark.scheduler.application;

/** Port: the targets configured for backup ({@code bulwark.targets.<id>}). */
public interface ConfiguredTargets {

    /**
     * Tells whether a target is configured.
     *
     * @param targetId a target id, or null
     * @return true when {@code targetId} names a configured target; false for null or an unknown id
     */
    boolean isConfigured(String targetId);
}
