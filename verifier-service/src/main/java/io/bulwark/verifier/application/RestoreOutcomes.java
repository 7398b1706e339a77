package io.bulwark.verifier.application;

import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.contracts.RestoreCompleted;
import io.bulwark.contracts.RestoreFailed;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.RestoreRequested;
import io.bulwark.contracts.RestoreState;
import io.bulwark.contracts.Topics;
import io.bulwark.pipeline.ReportStore;
import io.bulwark.pipeline.RestoreRefusedException;
import io.bulwark.pipeline.StoredBackup;
import io.bulwark.pipeline.rules.Checks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a restore's outcome is recorded and told: its report stored under the backup's {@code restores/<restoreId>/}
 * (when the backup is known), then {@code RestoreCompleted} or {@code RestoreFailed} published. The event id derives
 * from the restore and its end, so that telling the same outcome again publishes the same event. Thread-safe.
 */
public final class RestoreOutcomes {

    private static final Logger log = LoggerFactory.getLogger(RestoreOutcomes.class);

    private final ReportStore reports;
    private final RestorePublisher publisher;
    private final Clock clock;

    public RestoreOutcomes(ReportStore reports, RestorePublisher publisher, Clock clock) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The stored report of {@code restoreId} of {@code backup}, if it ended before; empty when the store is down. */
    Optional<RestoreReport> earlier(StoredBackup backup, UUID restoreId) {
        try {
            return reports.restoreReport(backup.prefix(), restoreId);
        } catch (ObjectStoreException e) {
            return Optional.empty();
        }
    }

    /**
     * Stores {@code report} under the backup (best effort: the event is published anyway).
     *
     * @return the keys it was stored under, or null when it could not be stored or there is no backup
     */
    ReportStore.Stored store(StoredBackup backup, RestoreReport report) {
        if (backup == null) {
            return null;
        }
        try {
            return reports.storeRestore(backup.prefix(), report);
        } catch (ObjectStoreException e) {
            log.warn("cannot store the report of restore {}: {}", report.restoreId(), e.getMessage());
            return null;
        }
    }

    /** Publishes the stored outcome {@code report} again (a request delivered twice). */
    void republish(StoredBackup backup, RestoreReport report) {
        publish(backup, report, storedKeys(backup, report), false);
    }

    /**
     * A restore refused before it ran (no backup, an unknown destination, the store down): a FAILED report stored when
     * the backup is known, and {@code RestoreFailed}.
     *
     * @param backup the backup, or null when none was found
     */
    void refused(RestoreRequested request, StoredBackup backup, RestoreFailureReason reason, String message) {
        log.info("restore {} of target {} refused ({}): {}", request.restoreId(), request.targetId(), reason, message);
        RestoreReport report = new RestoreReport(
                RestoreReport.SCHEMA_VERSION,
                request.restoreId(),
                backup == null ? request.backupId() : backup.manifest().backupId(),
                request.targetId(),
                RestoreState.FAILED,
                reason,
                message,
                false,
                backup == null ? null : backup.verificationOutcome(),
                null,
                request.schemas(),
                request.tables(),
                List.of(Checks.failed(RestoreRefusedException.checkOf(reason), message, 0)),
                List.of(),
                List.of(),
                new RestoreReport.Timings(0, 0, 0, 0),
                backup == null || backup.manifest().artifact() == null
                        ? null
                        : backup.manifest().artifact().key(),
                backup == null ? null : ObjectKeys.manifestKey(backup.prefix()),
                request.requestedAt(),
                clock.instant());
        tell(backup, report, false);
    }

    /**
     * Stores {@code report} (best effort: the event is published anyway) and publishes its outcome.
     *
     * @param backup the backup, or null when none was found (then no report is stored)
     */
    void tell(StoredBackup backup, RestoreReport report, boolean databaseDropped) {
        publish(backup, report, store(backup, report), databaseDropped);
    }

    /** Publishes the outcome {@code report} tells, naming the keys it was stored under ({@code stored} may be null). */
    void publish(StoredBackup backup, RestoreReport report, ReportStore.Stored stored, boolean dropped) {
        Instant at = report.finishedAt() == null ? clock.instant() : report.finishedAt();
        String reportKey = stored == null ? null : stored.reportKey();
        String pageKey = stored == null ? null : stored.pageKey();
        String prefix = backup == null ? null : backup.prefix();
        if (report.state() == RestoreState.SUCCEEDED) {
            publisher.completed(new RestoreCompleted(
                    eventId(Topics.RESTORE_COMPLETED, report.restoreId(), at),
                    at,
                    RestoreCompleted.SCHEMA_VERSION,
                    report.restoreId(),
                    report.targetId(),
                    report.backupId(),
                    prefix,
                    report.destination(),
                    report.forced(),
                    report.checks(),
                    report.timings(),
                    reportKey,
                    pageKey));
        } else {
            publisher.failed(new RestoreFailed(
                    eventId(Topics.RESTORE_FAILED, report.restoreId(), at),
                    at,
                    RestoreFailed.SCHEMA_VERSION,
                    report.restoreId(),
                    report.targetId(),
                    report.backupId(),
                    prefix,
                    report.reason() == null ? RestoreFailureReason.RESTORE_FAILED : report.reason(),
                    report.message() == null ? "the restore failed" : report.message(),
                    report.destination(),
                    dropped,
                    report.checks(),
                    reportKey,
                    pageKey));
        }
    }

    private ReportStore.Stored storedKeys(StoredBackup backup, RestoreReport report) {
        String folder = ObjectKeys.restorePrefix(backup.prefix(), report.restoreId());
        return new ReportStore.Stored(
                ObjectKeys.inPrefix(folder, ObjectKeys.RESTORE_JSON),
                ObjectKeys.inPrefix(folder, ObjectKeys.RESTORE_HTML));
    }

    private static UUID eventId(String topic, UUID restoreId, Instant at) {
        return UUID.nameUUIDFromBytes((topic + ":" + restoreId + ":" + at).getBytes(StandardCharsets.UTF_8));
    }
}
