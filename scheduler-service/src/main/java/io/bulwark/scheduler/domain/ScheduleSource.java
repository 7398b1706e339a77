package io.bulwark.scheduler.domain;

/** Where a schedule was declared. */
public enum ScheduleSource {
    /** In {@code bulwark.targets.<id>.schedules.<name>}: reconciled at start-up, changed only in configuration. */
    CONFIG,
    /** Created through {@code POST /api/schedules}: changed and deleted through the API. */
    API
}
