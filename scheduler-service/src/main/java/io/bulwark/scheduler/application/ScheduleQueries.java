package io.bulwark.scheduler.application;

import io.bulwark.scheduler.domain.Schedule;
import java.util.List;
import java.util.Optional;

/** Use case: reads the stored schedules. */
public class ScheduleQueries {

    private final ScheduleCatalog catalog;

    public ScheduleQueries(ScheduleCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The schedules, by target id then name.
     *
     * @param targetId only this target's, or all when empty or blank
     */
    public List<Schedule> list(Optional<String> targetId) {
        return catalog.list(targetId.filter(id -> !id.isBlank()));
    }

    /**
     * One schedule.
     *
     * @throws ScheduleNotFoundException when there is none with that key
     */
    public Schedule get(String targetId, String name) {
        return catalog.find(targetId, name).orElseThrow(() -> new ScheduleNotFoundException(targetId, name));
    }
}
