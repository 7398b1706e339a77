package io.bulwark.scheduler.application;

/** A request names a target that is not configured ({@code bulwark.targets.<id>}). */
public class UnknownTargetException extends RuntimeException {

    private final String targetId;

    public UnknownTargetException(String targetId) {
        super("no target '" + targetId + "' is configured (bulwark.targets." + targetId + ")");
        this.targetId = targetId;
    }

    /** The id that was asked for. */
    public String targetId() {
        return targetId;
    }
}
