package io.bulwark.scheduler.application;

import io.bulwark.contracts.VerificationRequested;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.BackupState;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: asks the verifier to verify an existing backup again (REST {@code POST
 * /api/backups/{id}/verify}).
 *
 * <p>Publishes a {@link VerificationRequested} with the backup's prefix and manifest key as
 * projected. The projection changes when the verifier's {@code BackupVerified} arrives; the request
 * itself is not projected.
 */
public class RequestVerification {

    /** States without a stored artifact: nothing to verify. */
    private static final Set<BackupState> NOTHING_STORED =
            Set.of(BackupState.REQUESTED, BackupState.FAILED, BackupState.DELETED);

    private static final Logger log = LoggerFactory.getLogger(RequestVerification.class);

    private final BackupCatalog catalog;
    private final VerificationRequestPublisher publisher;

    public RequestVerification(BackupCatalog catalog, VerificationRequestPublisher publisher) {
        this.catalog = catalog;
        this.publisher = publisher;
    }

    /**
     * Requests a new verification of {@code backupId}.
     *
     * @param requestedBy who asks, e.g. {@link RequestBackup#REQUESTED_BY_API}
     * @return the published request, or empty when no event of the backup was seen
     * @throws NotVerifiableException when the backup is REQUESTED, FAILED or DELETED, or has no prefix
     * @throws PublishFailedException when the broker did not take the request
     */
    public Optional<VerificationRequested> request(UUID backupId, String requestedBy) {
        Optional<Backup> found = catalog.find(backupId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Backup backup = found.get();
        if (NOTHING_STORED.contains(backup.state()) || backup.prefix() == null) {
            throw new NotVerifiableException(backupId, backup.state());
        }
        VerificationRequested request = VerificationRequested.of(
                backupId, backup.targetId(), backup.prefix(), backup.manifestKey(), requestedBy);
        publisher.publish(request);
        log.info(
                "requested verification {} of backup {} of target {}",
                request.requestId(),
                backupId,
                backup.targetId());
        return Optional.of(request);
    }
}
