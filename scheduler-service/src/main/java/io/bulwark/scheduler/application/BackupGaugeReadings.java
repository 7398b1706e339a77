package io.bulwark.scheduler.application;

import java.time.Instant;
import java.util.Map;

/** Port: what the backup catalog says about every target, read for the gauges ({@link BackupGauges}). */
public interface BackupGaugeReadings {

    /**
     * The newest VERIFIED backup of each target that has one.
     *
     * @return target id to the backup's completion time (its verification time when the completion is unknown)
     * @throws RuntimeException when the catalog cannot be read
     */
    Map<String, Instant> lastVerifiedBackups();

    /**
     * How many backups each target has in each state.
     *
     * @return target id to (state name, for example {@code VERIFIED}, to a count above zero)
     * @throws RuntimeException when the catalog cannot be read
     */
    Map<String, Map<String, Long>> backupCounts();
}
