package io.bulwark.dumpworker.application;

import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.Ids;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Answers a {@code BackupRequested} that breaks a rule (a label or schedule id that is not a safe id,
 * a missing field) with {@code BackupFailed} INVALID_REQUEST, so that whoever asked learns why
 * nothing was taken. Only when the message's {@code requestId} is a UUID and its {@code targetId} a
 * safe id: otherwise nobody could match the answer and the dead-letter topic alone keeps it.
 * Thread-safe.
 */
public final class RejectRequest {

    private static final Logger log = LoggerFactory.getLogger(RejectRequest.class);

    private final EventPublisher publisher;
    private final Clock clock;

    public RejectRequest(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Publishes {@code BackupFailed} INVALID_REQUEST (not retryable) with {@code reason} when {@code
     * json} names a request id and a target id; otherwise does nothing.
     *
     * @return true when the failure was published
     */
    public boolean rejectIfIdentifiable(byte[] json, String reason) {
        UUID requestId;
        String targetId;
        try {
            JsonNode node = EventJson.mapper().readTree(json);
            requestId = UUID.fromString(node.path("requestId").asString());
            targetId = node.path("targetId").asString();
        } catch (RuntimeException e) {
            return false;
        }
        if (!Ids.isSafe(targetId)) {
            return false;
        }
        log.warn("rejecting request {} of target {}: {}", requestId, targetId, reason);
        publisher.failed(new BackupFailed(
                UUID.randomUUID(),
                clock.instant(),
                BackupFailed.SCHEMA_VERSION,
                requestId,
                requestId,
                targetId,
                FailureReason.INVALID_REQUEST,
                reason + "; nothing was dumped or uploaded",
                null,
                1,
                false));
        return true;
    }
}
