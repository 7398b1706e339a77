package io.bulwark.verifier.application;

import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.contracts.Ids;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.RestoreRequested;
import io.bulwark.engines.RestoreSelection;
import io.bulwark.pipeline.DestinationPreparer;
import io.bulwark.pipeline.ProvenRestore;
import io.bulwark.pipeline.ReportStore;
import io.bulwark.pipeline.RestoreRefusedException;
import io.bulwark.pipeline.RestoreStep;
import io.bulwark.pipeline.StoredBackup;
import io.bulwark.pipeline.StoredBackups;
import io.bulwark.pipeline.rules.VerificationSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The restore use case: for a {@link RestoreRequested}, finds the backup in the object store, resolves the
 * destination, runs the {@link ProvenRestore} (the same pipeline a verification runs, pointed at a real database),
 * stores {@code restore.json} and {@code restore.html} under the backup's {@code restores/<restoreId>/}, and publishes
 * {@code RestoreCompleted} (SUCCEEDED) or {@code RestoreFailed}, with {@code RestoreProgressed} while it runs.
 *
 * <p>Which backup: {@code prefix} when given, else {@code backupId}, else the newest VERIFIED backup of the target
 * (at or before {@code at}). Where: {@code destinationId}, else {@code destinationTarget}'s own server, else the
 * backup's own target's server; the database rules are the {@link DestinationPreparer}'s.
 *
 * <p>Crash safety: before the destination database is created the restore is recorded in the {@link RestoreLedger}
 * and beaten while it runs. A request delivered again whose restore is still recorded was interrupted (the verifier
 * died): it ends FAILED (INTERRUPTED) and the database it had created is dropped ({@link InterruptedRestores}), never
 * restored again under the same id. A request whose report is stored already is answered from it, but for an
 * interrupted one: that was published before its ledger entry went, and the redelivery that always follows a verifier
 * killed mid-restore would otherwise publish it a second time, with {@code databaseDropped} false. Thread-safe; one
 * restore per calling thread.
 */
public final class RestoreBackup {

    private static final Logger log = LoggerFactory.getLogger(RestoreBackup.class);

    private final StoredBackups backups;
    private final RestoreDestinations destinations;
    private final ProvenRestore restore;
    private final RestoreOutcomes outcomes;
    private final RestoreLedger ledger;
    private final InterruptedRestores interrupted;
    private final VerificationSettingsSource targets;
    private final Settings settings;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final RestoreOwner owner;
    private final RestorePublisher publisher;

    /**
     * How restores run.
     *
     * @param timeout how long the restore tool may run
     * @param listingTimeout how long reading the archive's head may take
     * @param spoolDir where a parallel restore spools the archive
     * @param progressInterval how often progress is published
     */
    public record Settings(Duration timeout, Duration listingTimeout, Path spoolDir, Duration progressInterval) {}

    public RestoreBackup(
            StoredBackups backups,
            RestoreDestinations destinations,
            ProvenRestore restore,
            RestoreOutcomes outcomes,
            RestoreLedger ledger,
            InterruptedRestores interrupted,
            VerificationSettingsSource targets,
            Settings settings,
            Clock clock,
            ScheduledExecutorService timer,
            RestoreOwner owner,
            RestorePublisher publisher) {
        this.backups = Objects.requireNonNull(backups, "backups");
        this.destinations = Objects.requireNonNull(destinations, "destinations");
        this.restore = Objects.requireNonNull(restore, "restore");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.interrupted = Objects.requireNonNull(interrupted, "interrupted");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /**
     * Runs the restore {@code request} asks for and publishes its outcome.
     *
     * @throws InvalidEventException when the request breaks a rule of the contract, naming the field
     * @throws RuntimeException from the publisher when the outcome cannot be published
     */
    public void handle(RestoreRequested request) {
        validate(request);
        Optional<RestoreLedger.Entry> running = ledger.find(request.restoreId());
        if (running.isPresent()) {
            if (interrupted.interrupted(running.get())) {
                log.warn("restore {} was delivered again after it was interrupted", request.restoreId());
                interrupted.end(running.get());
            } else {
                log.info(
                        "restore {} was delivered again while {} runs it; leaving it there",
                        request.restoreId(),
                        running.get().owner());
            }
            return;
        }
        StoredBackup backup;
        try {
            backup = find(request);
        } catch (RestoreRefusedException e) {
            outcomes.refused(request, null, e.reason(), e.getMessage());
            return;
        } catch (ObjectStoreException e) {
            outcomes.refused(
                    request,
                    null,
                    RestoreFailureReason.STORAGE_UNAVAILABLE,
                    "the object store could not be read: " + e.getMessage() + "; ask again when it is back");
            return;
        }
        Optional<RestoreReport> earlier = outcomes.earlier(backup, request.restoreId());
        if (earlier.isPresent() && earlier.get().reason() == RestoreFailureReason.INTERRUPTED) {
            // InterruptedRestores publishes before it forgets the ledger entry, and the entry is gone: it was told
            log.info(
                    "restore {} was interrupted and ended before; its RestoreFailed was published",
                    request.restoreId());
            return;
        }
        if (earlier.isPresent()) {
            log.info(
                    "restore {} ended before ({}); publishing that outcome again",
                    request.restoreId(),
                    earlier.get().state());
            outcomes.republish(backup, earlier.get());
            return;
        }
        String destinationId = request.destinationId() != null
                ? request.destinationId()
                : RestoreDestinations.ofTarget(
                        request.destinationTarget() != null
                                ? request.destinationTarget()
                                : backup.manifest().targetId());
        RestoreDestinations.Destination destination;
        try {
            destination = destinations.resolve(destinationId);
            requireSameEngine(destination, backup);
        } catch (RestoreRefusedException e) {
            outcomes.refused(request, backup, e.reason(), e.getMessage());
            return;
        }
        run(request, backup, destination);
    }

    private void run(RestoreRequested request, StoredBackup backup, RestoreDestinations.Destination destination) {
        log.info(
                "restoring backup {} of {} into {}",
                backup.manifest().backupId(),
                backup.manifest().targetId(),
                destination);
        ProvenRestore.Result result;
        try (RestoreProgress progress = new RestoreProgress(
                request.restoreId(),
                request.targetId(),
                backup.manifest().backupId(),
                publisher,
                ledger,
                clock,
                timer,
                settings.progressInterval(),
                new ProvenRestore.Listener() {
                    @Override
                    public void decided(DestinationPreparer.Decision decision) {
                        try {
                            ledger.begin(entry(request, backup, destination, decision));
                        } catch (RuntimeException e) {
                            throw new RestoreRefusedException(
                                    RestoreFailureReason.STORAGE_UNAVAILABLE,
                                    "cannot record the restore before writing to the destination: " + e.getMessage());
                        }
                    }
                })) {
            result = restore.run(
                    new ProvenRestore.Request(
                            request.restoreId(),
                            backup,
                            destination.id(),
                            destination.restore(),
                            destination.inspect(),
                            destination.server(),
                            new DestinationPreparer.Request(
                                    request.database(), request.replace(), request.confirm(), request.partial()),
                            new RestoreStep.Options(
                                    settings.timeout(),
                                    settings.listingTimeout(),
                                    new RestoreSelection(request.schemas(), request.tables()),
                                    false,
                                    request.effectiveJobs(),
                                    settings.spoolDir(),
                                    null),
                            request.force(),
                            targetSettings(backup.manifest().targetId()),
                            request.requestedAt()),
                    progress);
        }
        // the report first: a request delivered again finds it and is answered from it; then the ledger entry, so
        // that no sweep ever takes this restore for an interrupted one (and drops its database); then the event
        ReportStore.Stored stored = outcomes.store(backup, result.report());
        ledger.end(request.restoreId());
        outcomes.publish(backup, result.report(), stored, result.databaseDropped());
    }

    private RestoreLedger.Entry entry(
            RestoreRequested request,
            StoredBackup backup,
            RestoreDestinations.Destination destination,
            DestinationPreparer.Decision decision) {
        return new RestoreLedger.Entry(
                request.restoreId(),
                backup.manifest().targetId(),
                backup.manifest().backupId(),
                backup.prefix(),
                destination.id(),
                destination.engine(),
                destination.server().host(),
                destination.server().port(),
                decision.database(),
                decision.createsNew(),
                owner.name(),
                owner.startedAt(),
                request.requestedAt(),
                clock.instant());
    }

    private StoredBackup find(RestoreRequested request) {
        StoredBackup backup;
        if (request.prefix() != null && !request.prefix().isBlank()) {
            backup = backups.byPrefix(request.prefix());
        } else if (request.backupId() != null) {
            backup = backups.byId(request.targetId(), request.backupId());
        } else {
            return backups.newestVerified(request.targetId(), request.at());
        }
        if (request.backupId() != null
                && !request.backupId().equals(backup.manifest().backupId())) {
            throw new RestoreRefusedException(
                    RestoreFailureReason.BACKUP_NOT_FOUND,
                    "the backup at " + backup.prefix() + " is "
                            + backup.manifest().backupId() + ", not " + request.backupId());
        }
        if (!request.targetId().equals(backup.manifest().targetId())) {
            throw new RestoreRefusedException(
                    RestoreFailureReason.BACKUP_NOT_FOUND,
                    "the backup at " + backup.prefix() + " is of target "
                            + backup.manifest().targetId() + ", not " + request.targetId());
        }
        return backup;
    }

    private static void requireSameEngine(RestoreDestinations.Destination destination, StoredBackup backup) {
        String engine =
                backup.manifest().source() == null || backup.manifest().source().engine() == null
                        ? "postgresql"
                        : backup.manifest().source().engine();
        boolean postgres = engine.equalsIgnoreCase("postgresql");
        if (postgres != "postgresql".equals(destination.engine())) {
            throw new RestoreRefusedException(
                    RestoreFailureReason.INVALID_REQUEST,
                    "destination " + destination.id() + " is a " + destination.engine() + " server, but backup "
                            + backup.manifest().backupId() + " is of a " + engine + " database");
        }
    }

    private static void validate(RestoreRequested request) {
        if (request == null) {
            throw new InvalidEventException("RestoreRequested: the event is empty", null);
        }
        if (request.destinationId() != null && !Ids.isSafe(request.destinationId())) {
            throw new InvalidEventException(
                    "RestoreRequested: destinationId must match " + Ids.SAFE_ID.pattern(), null);
        }
        if (request.destinationTarget() != null && !Ids.isSafe(request.destinationTarget())) {
            throw new InvalidEventException(
                    "RestoreRequested: destinationTarget must match " + Ids.SAFE_ID.pattern(), null);
        }
    }

    private VerificationSettings targetSettings(String targetId) {
        try {
            return targets.forTarget(targetId);
        } catch (RuntimeException e) {
            log.warn("cannot read the verification settings of {}: {}", targetId, e.getMessage());
            return VerificationSettings.NONE;
        }
    }
}
