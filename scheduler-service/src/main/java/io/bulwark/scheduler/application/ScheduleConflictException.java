package io.bulwark.scheduler.application;

/**
 * A schedule change conflicts with what is stored: the schedule exists already, or it is declared in configuration
 * and can be changed only there.
 */
public class ScheduleConflictException extends RuntimeException {

    public ScheduleConflictException(String message) {
        super(message);
    }
}
