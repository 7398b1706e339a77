package io.bulwark.scheduler.config;

import io.bulwark.scheduler.application.DestinationGuard;
import io.bulwark.scheduler.application.DestinationResolver;
import io.bulwark.scheduler.application.DestinationServer;
import io.bulwark.scheduler.application.InvalidDestinationException;
import io.bulwark.scheduler.application.RestoreCommand;
import io.bulwark.scheduler.domain.DatabaseEngine;
import java.util.Optional;

/**
 * Finds, in the configuration, the server a restore writes to, by the rule the verifier applies: {@code
 * destinationId}'s configured destination ({@code bulwark.restore.destinations.<id>}), else {@code
 * destinationTarget}'s own server ({@code bulwark.targets.<id>}), else the server of the backup's own target. Also
 * knows each target's engine and source database. Thread-safe.
 */
public class ConfiguredDestinations implements DestinationResolver {

    private final SchedulerProperties targets;
    private final RestoreProperties restore;

    public ConfiguredDestinations(SchedulerProperties targets, RestoreProperties restore) {
        this.targets = targets;
        this.restore = restore;
    }

    /**
     * Checks that the destination the request names, if any, is configured.
     *
     * @throws InvalidDestinationException naming {@code destinationId} or {@code destinationTarget} when it is not
     */
    @Override
    public void requireKnown(RestoreCommand command) {
        if (command.destinationId() != null
                && restore.destination(command.destinationId()).isEmpty()) {
            throw new InvalidDestinationException(
                    "destinationId",
                    "no restore destination '" + command.destinationId()
                            + "' is configured (bulwark.restore.destinations." + command.destinationId() + ")");
        }
        if (command.destinationTarget() != null
                && targets.target(command.destinationTarget()).isEmpty()) {
            throw new InvalidDestinationException(
                    "destinationTarget",
                    "no target '" + command.destinationTarget() + "' is configured (bulwark.targets."
                            + command.destinationTarget() + ")");
        }
    }

    /**
     * The server a restore of a backup of {@code backupTargetId} writes to.
     *
     * @throws InvalidDestinationException naming {@code destinationId} or {@code destinationTarget} when the named
     *     destination is not configured or runs another engine than the backup's target, or naming {@code
     *     destinationId} when none is named and the backup's target is not configured (so it has no server)
     */
    @Override
    public DestinationServer resolve(RestoreCommand command, String backupTargetId) {
        requireKnown(command);
        DestinationServer server;
        String field;
        if (command.destinationId() != null) {
            RestoreProperties.Destination d =
                    restore.destination(command.destinationId()).orElseThrow();
            server = new DestinationServer(
                    command.destinationId(),
                    d.databaseEngine(),
                    d.host(),
                    d.effectivePort(),
                    d.username(),
                    d.passwordEnv(),
                    d.passwordFile(),
                    d.effectiveMaintenanceDatabase());
            field = "destinationId";
        } else if (command.destinationTarget() != null) {
            server = targetServer(command.destinationTarget());
            field = "destinationTarget";
        } else if (targets.target(backupTargetId).isPresent()) {
            return targetServer(backupTargetId);
        } else {
            throw new InvalidDestinationException(
                    "destinationId",
                    "the backup's target '" + backupTargetId + "' is not configured (bulwark.targets." + backupTargetId
                            + "), so it has no server to restore to; name a destinationId");
        }
        Optional<DatabaseEngine> backupEngine = engineOf(backupTargetId);
        if (backupEngine.isPresent() && backupEngine.get() != server.engine()) {
            throw new InvalidDestinationException(
                    field,
                    "destination " + server.id() + " is a " + server.engine().id() + " server; a "
                            + backupEngine.get().id() + " backup of target " + backupTargetId
                            + " cannot be restored into it");
        }
        return server;
    }

    /** The engine of a configured target, or empty when the target is not configured. */
    @Override
    public Optional<DatabaseEngine> engineOf(String targetId) {
        return targets.target(targetId).flatMap(SchedulerProperties.Target::databaseEngine);
    }

    /**
     * The source database of a target's backups, to recognise it on a destination server.
     *
     * @return empty when the target, or its host or database, is not configured for the scheduler
     */
    @Override
    public Optional<DestinationGuard.SourceDatabase> sourceOf(String targetId) {
        return targets.target(targetId)
                .filter(t -> t.host() != null && !t.host().isBlank() && t.database() != null)
                .map(t -> new DestinationGuard.SourceDatabase(t.host(), t.effectivePort(), t.database()));
    }

    private DestinationServer targetServer(String targetId) {
        SchedulerProperties.Target t = targets.target(targetId).orElseThrow();
        DatabaseEngine engine = t.databaseEngine().orElseThrow();
        return new DestinationServer(
                DestinationServer.targetServerId(targetId),
                engine,
                t.host(),
                t.effectivePort(),
                t.username(),
                t.passwordEnv(),
                t.passwordFile(),
                engine.maintenanceDatabase());
    }
}
