package io.bulwark.scheduler.application;

import io.bulwark.contracts.VerificationRequested;
import io.bulwark.scheduler.application.BackupCatalog.ReverifyCandidate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: requests a new verification of every backup whose verification ended ERROR and is due again (see
 * {@link BackupCatalog#dueForReverification}), so that a backup the verifier could not judge during an outage is
 * judged once it is over. Each re-request is claimed in the catalog first, so that several scheduler instances
 * request it once. Thread-safe.
 */
public final class ReverifyErrors {

    /** The {@code requestedBy} of the requests this sweep publishes. */
    public static final String REQUESTED_BY = "scheduler/reverify-errors";

    private static final Logger log = LoggerFactory.getLogger(ReverifyErrors.class);
    private static final int BATCH = 100;

    private final BackupCatalog catalog;
    private final RequestVerification requestVerification;
    private final Clock clock;
    private final Duration backoff;
    private final int maxRequests;

    /**
     * @param backoff the wait after the first ERROR, doubled per re-request, positive
     * @param maxRequests how many re-requests of one backup at most, 1 or more
     */
    public ReverifyErrors(
            BackupCatalog catalog,
            RequestVerification requestVerification,
            Clock clock,
            Duration backoff,
            int maxRequests) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.requestVerification = Objects.requireNonNull(requestVerification, "requestVerification");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.maxRequests = maxRequests;
    }

    /**
     * Requests the verifications that are due now.
     *
     * @return how many were requested
     */
    public int sweep() {
        List<ReverifyCandidate> due = catalog.dueForReverification(clock.instant(), backoff, maxRequests, BATCH);
        int requested = 0;
        for (ReverifyCandidate candidate : due) {
            if (!catalog.claimReverification(candidate, clock.instant())) {
                continue;
            }
            try {
                Optional<VerificationRequested> request =
                        requestVerification.request(candidate.backupId(), REQUESTED_BY);
                if (request.isPresent()) {
                    requested++;
                    log.info(
                            "backup {} ended ERROR: verification requested again ({} of at most {})",
                            candidate.backupId(),
                            candidate.requests() + 1,
                            maxRequests);
                }
            } catch (NotVerifiableException | PublishFailedException e) {
                log.warn("cannot request backup {} to be verified again: {}", candidate.backupId(), e.getMessage());
            }
        }
        return requested;
    }
}
