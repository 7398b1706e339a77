package io.bulwark.scheduler.application;

import io.bulwark.scheduler.domain.DatabaseEngine;
import java.util.Optional;

/**
 * Finds, in the configuration, the server a restore writes to, by the rule the verifier applies: {@code
 * destinationId}'s configured destination ({@code bulwark.restore.destinations.<id>}), else {@code
 * destinationTarget}'s own server ({@code bulwark.targets.<id>}), else the server of the backup's own target. Also
 * knows each target's engine and source database. Thread-safe.
 */
public interface DestinationResolver {

    /**
     * Checks that the destination the request names, if any, is configured.
     *
     * @throws InvalidDestinationException naming {@code destinationId} or {@code destinationTarget} when it is not
     */
    void requireKnown(RestoreCommand command);

    /**
     * The server a restore of a backup of {@code backupTargetId} writes to.
     *
     * @throws InvalidDestinationException naming {@code destinationId} or {@code destinationTarget} when the named
     *     destination is not configured or runs another engine than the backup's target, or naming {@code
     *     destinationId} when none is named and the backup's target is not configured (so it has no server)
     */
    DestinationServer resolve(RestoreCommand command, String backupTargetId);

    /** The engine of a configured target, or empty when the target is not configured. */
    Optional<DatabaseEngine> engineOf(String targetId);

    /**
     * The source database of a target's backups, to recognise it on a destination server.
     *
     * @return empty when the target, or its host or database, is not configured for the scheduler
     */
    Optional<DestinationGuard.SourceDatabase> sourceOf(String targetId);
}
