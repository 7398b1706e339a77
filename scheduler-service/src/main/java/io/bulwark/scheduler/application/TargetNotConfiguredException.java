package io.bulwark.scheduler.application;

/** A query named a target that {@code bulwark.targets} does not configure; the API answers 404. */
public class TargetNotConfiguredException extends RuntimeException {

    private final String targetId;

    public TargetNotConfiguredException(String targetId) {
        super("target '" + targetId + "' is not configured");
        this.targetId = targetId;
    }

    /** The id asked for. */
    public String targetId() {
        return targetId;
    }
}
