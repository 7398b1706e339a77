/**
 * Fires the configured schedules: one {@code CronTrigger} per schedule ({@code
 * bulwark.targets.<id>.schedules.<id>}) on the scheduler's own task scheduler, each firing a
 * request through {@link io.bulwark.scheduler.application.RequestBackup}.
 */
package io.bulwark.scheduler.adapter.scheduling;
