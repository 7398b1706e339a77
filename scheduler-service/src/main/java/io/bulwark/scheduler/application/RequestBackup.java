package io.bulwark.scheduler.application;

import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.Ids;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.Projection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: asks for a backup of a configured target, by hand (REST) or because a schedule fired.
 *
 * <p>Publishes a {@link BackupRequested} and projects it at once, so the backup can be read back
 * (state REQUESTED) as soon as this returns; the consumer later sees the same event id and skips it.
 */
public class RequestBackup {

    /** {@code requestedBy} of manual requests made through the REST API. */
    public static final String REQUESTED_BY_API = "api";
    /** {@code requestedBy} of requests made by a schedule. */
    public static final String REQUESTED_BY_SCHEDULER = "scheduler";

    private static final Logger log = LoggerFactory.getLogger(RequestBackup.class);

    private final ConfiguredTargets targets;
    private final BackupRequestPublisher publisher;
    private final ProjectEvents projection;
    private final BackupCatalog catalog;

    public RequestBackup(
            ConfiguredTargets targets,
            BackupRequestPublisher publisher,
            ProjectEvents projection,
            BackupCatalog catalog) {
        this.targets = targets;
        this.publisher = publisher;
        this.projection = projection;
        this.catalog = catalog;
    }

    /**
     * Requests a manual (trigger MANUAL, tier ADHOC) backup.
     *
     * @param targetId a configured target id
     * @param label the label for the object key, {@link Ids#SAFE_ID}, or null for {@code adhoc}
     * @return the backup as projected right after the request was published, state REQUESTED
     * @throws InvalidRequestException naming {@code targetId} or {@code label} when one is missing or
     *     not a safe id
     * @throws UnknownTargetException when no such target is configured
     * @throws PublishFailedException when the broker did not take the request
     */
    public Backup manual(String targetId, String label) {
        if (targetId == null || targetId.isBlank()) {
            throw new InvalidRequestException("targetId", "targetId is required");
        }
        if (!Ids.isSafe(targetId)) {
            throw new InvalidRequestException("targetId", "targetId must match " + Ids.SAFE_ID.pattern());
        }
        if (label != null && !Ids.isSafe(label)) {
            throw new InvalidRequestException("label", "label must match " + Ids.SAFE_ID.pattern());
        }
        if (!targets.isConfigured(targetId)) {
            throw new UnknownTargetException(targetId);
        }
        return request(BackupRequested.of(targetId, Trigger.MANUAL, null, label, Tier.ADHOC, REQUESTED_BY_API));
    }

    /**
     * Requests the backup a schedule asks for (trigger SCHEDULED).
     *
     * @param targetId the configured target the schedule belongs to
     * @param scheduleId the schedule's id
     * @param tier the schedule's retention tier
     * @param label the schedule's label, {@link Ids#SAFE_ID}, or null for the tier name
     * @return the backup as projected right after the request was published
     * @throws PublishFailedException when the broker did not take the request
     */
    public Backup scheduled(String targetId, String scheduleId, Tier tier, String label) {
        return request(
                BackupRequested.of(targetId, Trigger.SCHEDULED, scheduleId, label, tier, REQUESTED_BY_SCHEDULER));
    }

    /** Publishes, then projects; when the consumer projected the request first, reads its result. */
    private Backup request(BackupRequested request) {
        publisher.publish(request);
        log.info(
                "requested backup {} of target {} ({}{})",
                request.backupId(),
                request.targetId(),
                request.trigger(),
                request.scheduleId() != null ? " " + request.scheduleId() : "");
        return projection
                .project(request)
                .map(Projection::backup)
                .or(() -> catalog.find(request.backupId()))
                .orElseThrow(() -> new IllegalStateException("backup " + request.backupId() + " vanished"));
    }
}
