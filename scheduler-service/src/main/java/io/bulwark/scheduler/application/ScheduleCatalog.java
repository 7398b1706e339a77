package io.bulwark.scheduler.application;

import io.bulwark.scheduler.domain.Schedule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: the stored schedules ({@link Schedule}), keyed by target id and name. Shared by every scheduler instance on
 * the same database; {@link #claim} is the compare-and-set that lets exactly one of them fire a due time.
 */
public interface ScheduleCatalog {

    /**
     * The schedules, by target id then name.
     *
     * @param targetId only this target's schedules, or every schedule when empty
     * @return the schedules; empty when there is none
     */
    List<Schedule> list(Optional<String> targetId);

    /** The schedule with that key, if stored. */
    Optional<Schedule> find(String targetId, String name);

    /**
     * Stores a new schedule.
     *
     * @return false (and nothing changed) when a schedule with its key exists
     */
    boolean insert(Schedule schedule);

    /**
     * Replaces every column of the stored schedule with its key but {@code createdAt}, {@code lastRunAt} and {@code
     * lastBackupId}.
     *
     * @return false when no schedule with its key is stored
     */
    boolean update(Schedule schedule);

    /**
     * Deletes a schedule.
     *
     * @return false when none with that key was stored
     */
    boolean delete(String targetId, String name);

    /**
     * The enabled schedules due at {@code now} ({@code nextRunAt <= now}), the longest overdue first.
     *
     * @param now the current time
     * @param limit how many at most, at least 1
     */
    List<Schedule> due(Instant now, int limit);

    /**
     * Claims a due time: sets {@code nextRunAt} to {@code next} only when the schedule is enabled and its {@code
     * nextRunAt} is still {@code seen} (compare-and-set), so a due time is claimed at most once however many callers
     * try.
     *
     * @param targetId the schedule's target
     * @param name the schedule's name
     * @param seen the due time the caller read
     * @param next the new next due time, or null when the expression never fires again
     * @return true when this call claimed it
     */
    boolean claim(String targetId, String name, Instant seen, Instant next);

    /**
     * Records a firing: {@code lastRunAt} and {@code lastBackupId}. Does nothing when the schedule was deleted.
     */
    void recordRun(String targetId, String name, Instant at, UUID backupId);

    /**
     * Serializes the caller's transaction with every other {@link #lock} caller on the same database until it ends
     * (reconciliation of the configured schedules). Must be called inside a transaction.
     */
    void lock();
}
