package io.bulwark.scheduler.application;

import io.bulwark.contracts.Ids;
import io.bulwark.contracts.Tier;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.MissedRunPolicy;
import io.bulwark.scheduler.domain.Schedule;
import io.bulwark.scheduler.domain.ScheduleSource;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Use cases: create, replace, delete, enable, disable and run a schedule through the API.
 *
 * <p>Schedules declared in configuration (source CONFIG) can be enabled, disabled and run, but not replaced or
 * deleted: configuration owns them and reconciles them at every start-up.
 */
public class ScheduleCommands {

    private final ScheduleCatalog catalog;
    private final CronCalendar calendar;
    private final ConfiguredTargets targets;
    private final RequestBackup requestBackup;
    private final Clock clock;
    private final MissedRunPolicy defaultPolicy;

    /**
     * @param defaultPolicy the missed-run policy of a schedule created without one
     */
    public ScheduleCommands(
            ScheduleCatalog catalog,
            CronCalendar calendar,
            ConfiguredTargets targets,
            RequestBackup requestBackup,
            Clock clock,
            MissedRunPolicy defaultPolicy) {
        this.catalog = catalog;
        this.calendar = calendar;
        this.targets = targets;
        this.requestBackup = requestBackup;
        this.clock = clock;
        this.defaultPolicy = defaultPolicy;
    }

    /**
     * Creates a schedule (source API).
     *
     * @return the stored schedule, its next run computed from now (null when disabled)
     * @throws InvalidRequestException naming {@code targetId}, {@code name}, {@code cron}, {@code zone} or {@code
     *     label} when one is missing or malformed, or the target is not configured
     * @throws ScheduleConflictException when the target already has a schedule with that name
     */
    public Schedule create(String targetId, String name, ScheduleSettings settings) {
        requireId("targetId", targetId);
        if (!targets.isConfigured(targetId)) {
            throw new InvalidRequestException("targetId", "target '" + targetId + "' is not configured");
        }
        requireId("name", name);
        Instant now = now();
        Schedule schedule = build(targetId, name, settings, ScheduleSource.API, now, now);
        if (!catalog.insert(schedule)) {
            throw new ScheduleConflictException("schedule '" + name + "' of target '" + targetId + "' exists already");
        }
        return schedule;
    }

    /**
     * Replaces the settings of an API schedule; its next run is computed afresh from now.
     *
     * @throws InvalidRequestException naming {@code cron}, {@code zone} or {@code label} when malformed
     * @throws ScheduleNotFoundException when there is no such schedule
     * @throws ScheduleConflictException when the schedule is declared in configuration
     */
    public Schedule replace(String targetId, String name, ScheduleSettings settings) {
        Schedule existing = apiOwned(targetId, name);
        Schedule schedule = build(targetId, name, settings, ScheduleSource.API, existing.createdAt(), now());
        if (!catalog.update(schedule)) {
            throw new ScheduleNotFoundException(targetId, name);
        }
        return catalog.find(targetId, name).orElseThrow(() -> new ScheduleNotFoundException(targetId, name));
    }

    /**
     * Deletes an API schedule.
     *
     * @throws ScheduleNotFoundException when there is no such schedule
     * @throws ScheduleConflictException when the schedule is declared in configuration
     */
    public void delete(String targetId, String name) {
        apiOwned(targetId, name);
        if (!catalog.delete(targetId, name)) {
            throw new ScheduleNotFoundException(targetId, name);
        }
    }

    /**
     * Enables or disables a schedule (API or CONFIG; a CONFIG schedule keeps this across restarts). Enabling computes
     * the next run from now, so no run missed while disabled is fired; disabling clears it. Unchanged when it already
     * is in that state.
     *
     * @throws ScheduleNotFoundException when there is no such schedule
     */
    public Schedule setEnabled(String targetId, String name, boolean enabled) {
        Schedule existing = existing(targetId, name);
        if (existing.enabled() == enabled) {
            return existing;
        }
        Instant now = now();
        Instant next = enabled
                ? calendar.next(existing.cron(), ZoneId.of(existing.zone()), now)
                        .orElse(null)
                : null;
        Schedule changed = existing.withEnabled(enabled, next, now);
        if (!catalog.update(changed)) {
            throw new ScheduleNotFoundException(targetId, name);
        }
        return changed;
    }

    /**
     * Requests a backup now with the schedule's tier and label (trigger SCHEDULED, whether or not it is enabled) and
     * records it as the schedule's last run; the next due time is unchanged.
     *
     * @return the requested backup, state REQUESTED
     * @throws ScheduleNotFoundException when there is no such schedule
     * @throws PublishFailedException when the broker did not take the request
     */
    public Backup runNow(String targetId, String name) {
        Schedule schedule = existing(targetId, name);
        Backup backup = requestBackup.scheduled(targetId, name, schedule.tier(), schedule.label());
        catalog.recordRun(targetId, name, now(), backup.backupId());
        return backup;
    }

    private Schedule existing(String targetId, String name) {
        if (!Ids.isSafe(targetId) || !Ids.isSafe(name)) {
            throw new ScheduleNotFoundException(targetId, name);
        }
        return catalog.find(targetId, name).orElseThrow(() -> new ScheduleNotFoundException(targetId, name));
    }

    private Schedule apiOwned(String targetId, String name) {
        Schedule existing = existing(targetId, name);
        if (existing.source() == ScheduleSource.CONFIG) {
            throw new ScheduleConflictException("schedule '" + name + "' of target '" + targetId
                    + "' is declared in configuration (bulwark.targets." + targetId + ".schedules." + name
                    + "); change it there, or only enable, disable or run it here");
        }
        return existing;
    }

    private Schedule build(
            String targetId,
            String name,
            ScheduleSettings settings,
            ScheduleSource source,
            Instant createdAt,
            Instant now) {
        if (settings == null) {
            throw new InvalidRequestException("cron", "cron is required");
        }
        String cron = settings.cron() == null ? null : settings.cron().trim();
        if (cron == null || cron.isEmpty()) {
            throw new InvalidRequestException("cron", "cron is required");
        }
        try {
            calendar.check(cron);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(
                    "cron", "'" + cron + "' is not a valid cron expression: " + e.getMessage());
        }
        String zone = settings.zone() == null || settings.zone().isBlank()
                ? "UTC"
                : settings.zone().trim();
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidRequestException(
                    "zone", "'" + zone + "' is not a time zone id such as UTC or Europe/Berlin");
        }
        if (settings.label() != null && !Ids.isSafe(settings.label())) {
            throw new InvalidRequestException(
                    "label", "label '" + settings.label() + "' must match " + Ids.SAFE_ID.pattern());
        }
        boolean enabled = settings.enabled() == null || settings.enabled();
        Instant next = enabled ? calendar.next(cron, zoneId, now).orElse(null) : null;
        return new Schedule(
                targetId,
                name,
                cron,
                zoneId.getId(),
                settings.tier() == null ? Tier.DAILY : settings.tier(),
                settings.label(),
                enabled,
                source,
                settings.missedRunPolicy() == null ? defaultPolicy : settings.missedRunPolicy(),
                next,
                null,
                null,
                createdAt,
                now);
    }

    private static void requireId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, field + " is required");
        }
        if (!Ids.isSafe(value)) {
            throw new InvalidRequestException(field, field + " '" + value + "' must match " + Ids.SAFE_ID.pattern());
        }
    }

    /** The clock's time to the microsecond, as PostgreSQL stores it, so that what is returned equals what is read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
