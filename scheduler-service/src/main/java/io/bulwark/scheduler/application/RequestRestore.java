package io.bulwark.scheduler.application;

import io.bulwark.contracts.Ids;
import io.bulwark.contracts.RestoreRequested;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.BackupState;
import io.bulwark.scheduler.domain.Restore;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: asks the verifier to restore a backup into a real database and prove it (REST {@code POST
 * /api/backups/{id}/restore} and {@code POST /api/targets/{targetId}/restore}).
 *
 * <p>Checks, in this order: the request itself (400), the destination it names (422), the backup (404), that the
 * backup is stored and VERIFIED or {@code force} is given (409), the backup engine's rules for {@code tables} and
 * {@code schemas} (400), the destination's engine (422), and the destination database ({@link DestinationGuard},
 * 409). Then it publishes a {@link RestoreRequested} with the backup's id and prefix as projected, and projects it
 * at once, so the restore can be read back (REQUESTED) as soon as this returns; the consumer later sees the same
 * event id and skips it. The verifier checks everything again before it writes.
 */
public class RequestRestore {

    /** States without a stored artifact: nothing to restore. */
    private static final Set<BackupState> NOTHING_STORED =
            Set.of(BackupState.REQUESTED, BackupState.FAILED, BackupState.DELETED);

    private static final Logger log = LoggerFactory.getLogger(RequestRestore.class);

    private final BackupCatalog backups;
    private final DestinationResolver destinations;
    private final DestinationGuard guard;
    private final RestoreRequestPublisher publisher;
    private final ProjectRestoreEvents projection;
    private final RestoreCatalog restores;
    private final Clock clock;

    public RequestRestore(
            BackupCatalog backups,
            DestinationResolver destinations,
            DestinationGuard guard,
            RestoreRequestPublisher publisher,
            ProjectRestoreEvents projection,
            RestoreCatalog restores,
            Clock clock) {
        this.backups = backups;
        this.destinations = destinations;
        this.guard = guard;
        this.publisher = publisher;
        this.projection = projection;
        this.restores = restores;
        this.clock = clock;
    }

    /**
     * A restore just requested.
     *
     * @param restore the restore as projected right after the request was published, state REQUESTED
     * @param destinationCheck what the pre-check of the destination found
     */
    public record Accepted(Restore restore, DestinationCheck destinationCheck) {}

    /**
     * Requests the restore of one backup.
     *
     * @param backupId the backup
     * @param command where to and how
     * @param requestedBy who asks, e.g. {@link RequestBackup#REQUESTED_BY_API}
     * @return the restore and what the pre-check found
     * @throws InvalidRequestException naming the field that breaks a rule (see {@link RestoreCommand#validate()} and
     *     {@link RestoreCommand#validateFor})
     * @throws InvalidDestinationException when the destination is not configured or runs another engine
     * @throws BackupNotFoundException when no event of the backup was seen
     * @throws NotRestorableException when nothing of the backup is stored, or it is not VERIFIED without {@code force}
     * @throws DestinationRefusedException when the destination database must not be written as asked
     * @throws PublishFailedException when the broker did not take the request
     */
    public Accepted restoreBackup(UUID backupId, RestoreCommand command, String requestedBy) {
        command.validate();
        destinations.requireKnown(command);
        Backup backup = backups.find(backupId).orElseThrow(() -> new BackupNotFoundException(backupId));
        if (NOTHING_STORED.contains(backup.state()) || backup.prefix() == null) {
            throw new NotRestorableException(
                    "backup " + backupId + " is " + backup.state() + " and has no stored artifact to restore");
        }
        if (backup.state() != BackupState.VERIFIED && !command.force()) {
            throw new NotRestorableException("backup " + backupId + " is " + backup.state()
                    + ", not VERIFIED; restore it anyway only with force: true (the report says it was forced)");
        }
        return request(backup, null, command, requestedBy);
    }

    /**
     * Requests the restore of the newest VERIFIED backup of a target, completed at or before {@code at}.
     *
     * @param targetId a configured target
     * @param at the latest completion time to consider, or null for the newest
     * @param command where to and how
     * @param requestedBy who asks
     * @return the restore and what the pre-check found
     * @throws InvalidRequestException naming {@code targetId} when it is not a safe id, or the field that breaks a rule
     * @throws UnknownTargetException when the target is not configured
     * @throws InvalidDestinationException when the destination is not configured or runs another engine
     * @throws BackupNotFoundException when the target has no VERIFIED backup completed at or before {@code at}
     * @throws DestinationRefusedException when the destination database must not be written as asked
     * @throws PublishFailedException when the broker did not take the request
     */
    public Accepted restoreTarget(String targetId, Instant at, RestoreCommand command, String requestedBy) {
        if (!Ids.isSafe(targetId)) {
            throw new InvalidRequestException("targetId", "targetId must match " + Ids.SAFE_ID.pattern());
        }
        command.validate();
        if (destinations.engineOf(targetId).isEmpty()) {
            throw new UnknownTargetException(targetId);
        }
        destinations.requireKnown(command);
        Backup backup = backups.newestVerified(targetId, at)
                .orElseThrow(() -> new BackupNotFoundException("target " + targetId + " has no VERIFIED backup"
                        + (at != null ? " completed at or before " + at : "") + " to restore"));
        return request(backup, at, command, requestedBy);
    }

    private Accepted request(Backup backup, Instant at, RestoreCommand command, String requestedBy) {
        destinations.engineOf(backup.targetId()).ifPresent(command::validateFor);
        DestinationServer server = destinations.resolve(command, backup.targetId());
        DestinationCheck check = guard.check(
                server, command, destinations.sourceOf(backup.targetId()).orElse(null));
        Instant now = clock.instant();
        RestoreRequested request = new RestoreRequested(
                null,
                now,
                RestoreRequested.SCHEMA_VERSION,
                UUID.randomUUID(),
                backup.targetId(),
                backup.backupId(),
                backup.prefix(),
                at,
                command.destinationId(),
                command.destinationTarget(),
                command.database(),
                command.replace(),
                command.confirm(),
                command.schemas(),
                command.tables(),
                command.force(),
                command.jobs(),
                requestedBy,
                now);
        publisher.publish(request);
        log.info(
                "requested restore {} of backup {} of target {} into {} on {} ({})",
                request.restoreId(),
                backup.backupId(),
                backup.targetId(),
                command.namesDatabase() ? command.database() : "a new database",
                server.id(),
                check.status());
        Restore restore = projection
                .project(request)
                .or(() -> restores.find(request.restoreId()))
                .orElseThrow(() -> new IllegalStateException("restore " + request.restoreId() + " vanished"));
        return new Accepted(restore, check);
    }
}
