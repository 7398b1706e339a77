package io.bulwark.verifier.application;

import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.RestoreState;
import io.bulwark.contracts.RestoredDatabase;
import io.bulwark.pipeline.StoredBackup;
import io.bulwark.pipeline.StoredBackups;
import io.bulwark.pipeline.rules.CheckNames;
import io.bulwark.pipeline.rules.Checks;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the restores a verifier was running when it died: each ledger entry whose owner is a process of this host
 * that is gone, or whose heartbeat is older than the timeout, is ended FAILED (INTERRUPTED). The database it had
 * created is dropped first (a half-restored database is never left looking restored; a replaced database is left as
 * the interrupted restore left it), then its report is stored and {@code RestoreFailed} published, then the entry is
 * removed. Runs at start-up and periodically, and for a request delivered again; within this process each restore is
 * ended once however many of these find it at the same time (the entry is read again under a lock before it is
 * ended). Thread-safe.
 */
public final class InterruptedRestores {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRestores.class);

    private final RestoreLedger ledger;
    private final RestoreDestinations destinations;
    private final StoredBackups backups;
    private final RestoreOutcomes outcomes;
    private final Clock clock;
    private final Duration heartbeatTimeout;
    private final RestoreOwner owner;
    private final Object ending = new Object();

    /**
     * @param heartbeatTimeout how long an entry may go without a heartbeat before it counts as interrupted
     * @param owner this verifier process
     */
    public InterruptedRestores(
            RestoreLedger ledger,
            RestoreDestinations destinations,
            StoredBackups backups,
            RestoreOutcomes outcomes,
            Clock clock,
            Duration heartbeatTimeout,
            RestoreOwner owner) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.destinations = Objects.requireNonNull(destinations, "destinations");
        this.backups = Objects.requireNonNull(backups, "backups");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.heartbeatTimeout = Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /**
     * Ends every recorded restore that was interrupted.
     *
     * @return how many were ended
     */
    public int sweep() {
        int ended = 0;
        for (RestoreLedger.Entry entry : ledger.all()) {
            if (interrupted(entry) && end(entry)) {
                ended++;
            }
        }
        return ended;
    }

    /**
     * True when the restore of {@code entry} no longer runs: its owner is a process of this host that is gone, or
     * another process whose heartbeat is older than the timeout. A restore of this very process is never interrupted.
     */
    boolean interrupted(RestoreLedger.Entry entry) {
        if (owner.name().equals(entry.owner()) && owner.startedAt().equals(entry.ownerStartedAt())) {
            // this very process runs it: however late its heartbeat (the store down, say), it is not interrupted
            return false;
        }
        return owner.outlived(entry.owner(), entry.ownerStartedAt())
                || entry.beatAt() == null
                || entry.beatAt().isBefore(clock.instant().minus(heartbeatTimeout));
    }

    /**
     * Ends the interrupted restore of {@code entry} unless it was ended meanwhile: its entry is read again under this
     * process's lock, so that the start-up sweep, the periodic sweep and a request delivered again, which may all
     * find the same entry at once, end it once, with one {@code RestoreFailed}. Never throws for the database or the
     * store's writes.
     *
     * @return true when this call ended it; false when its entry was gone, or is no longer interrupted
     */
    boolean end(RestoreLedger.Entry found) {
        synchronized (ending) {
            Optional<RestoreLedger.Entry> current = ledger.find(found.restoreId());
            if (current.isEmpty() || !interrupted(current.get())) {
                log.debug("restore {} was ended meanwhile, or runs again", found.restoreId());
                return false;
            }
            endNow(current.get());
            return true;
        }
    }

    private void endNow(RestoreLedger.Entry entry) {
        boolean dropped = entry.createsDatabase() && drop(entry);
        log.warn(
                "restore {} of backup {} into {} was interrupted{}",
                entry.restoreId(),
                entry.backupId(),
                entry.database(),
                dropped ? "; dropped the database it had created" : "");
        StoredBackup backup = null;
        try {
            backup = backups.byPrefix(entry.prefix());
        } catch (RuntimeException e) {
            log.warn(
                    "cannot read backup {} to store the report of restore {}: {}",
                    entry.prefix(),
                    entry.restoreId(),
                    e.getMessage());
        }
        String message = "the verifier stopped (killed or restarted) in the middle of the restore into "
                + entry.database() + " on " + entry.host() + ":" + entry.port() + "; it never finished"
                + (entry.createsDatabase()
                        ? dropped
                                ? ", and the database it had created was dropped"
                                : ", and the database it had created could not be dropped: drop it by hand"
                        : "; the database is left as the interrupted restore left it")
                + ". Ask for the restore again.";
        RestoreReport report = new RestoreReport(
                RestoreReport.SCHEMA_VERSION,
                entry.restoreId(),
                entry.backupId(),
                entry.targetId(),
                RestoreState.FAILED,
                RestoreFailureReason.INTERRUPTED,
                message,
                false,
                backup == null ? null : backup.verificationOutcome(),
                new RestoredDatabase(
                        entry.destinationId(),
                        entry.engine(),
                        entry.host(),
                        entry.port(),
                        entry.database(),
                        entry.createsDatabase(),
                        !entry.createsDatabase(),
                        null),
                List.of(),
                List.of(),
                List.of(Checks.failed(CheckNames.RESTORE, message, 0)),
                List.of(),
                List.of(),
                new RestoreReport.Timings(0, 0, 0, 0),
                backup == null || backup.manifest().artifact() == null
                        ? null
                        : backup.manifest().artifact().key(),
                backup == null ? null : io.bulwark.artifacts.ObjectKeys.manifestKey(backup.prefix()),
                entry.requestedAt(),
                clock.instant());
        outcomes.tell(backup, report, dropped);
        ledger.end(entry.restoreId());
    }

    private boolean drop(RestoreLedger.Entry entry) {
        try {
            RestoreDestinations.Destination destination = destinations.resolve(entry.destinationId());
            destination.restore().dropDatabase(destination.server(), entry.database());
            return true;
        } catch (SQLException | RuntimeException e) {
            log.warn(
                    "cannot drop database {} of interrupted restore {}: {}",
                    entry.database(),
                    entry.restoreId(),
                    e.getMessage());
            return false;
        }
    }
}
