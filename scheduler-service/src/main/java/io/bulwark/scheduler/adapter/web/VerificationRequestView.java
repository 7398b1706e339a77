package io.bulwark.scheduler.adapter.web;

import io.bulwark.contracts.VerificationRequested;
import java.time.Instant;
import java.util.UUID;

/**
 * The body of {@code 202 Accepted} for {@code POST /api/backups/{id}/verify}: the id of the
 * published request; the verdict follows as the backup's new state.
 */
public record VerificationRequestView(UUID requestId, UUID backupId, String targetId, Instant requestedAt) {

    static VerificationRequestView of(VerificationRequested request) {
        return new VerificationRequestView(
                request.requestId(), request.backupId(), request.targetId(), request.requestedAt());
    }
}
