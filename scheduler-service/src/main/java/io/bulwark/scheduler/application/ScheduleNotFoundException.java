package io.bulwark.scheduler.application;

/** No schedule with that target id and name is stored. */
public class ScheduleNotFoundException extends RuntimeException {

    public ScheduleNotFoundException(String targetId, String name) {
        super("no schedule '" + name + "' of target '" + targetId + "'");
    }
}
