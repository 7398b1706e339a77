package io.bulwark.localstack;

import io.bulwark.contracts.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Talks to the scheduler's REST API: {@code POST /api/backups} to request a backup and {@code GET
 * /api/backups/{id}} to follow it.
 */
public final class SchedulerClient {

    /** Backup states after which nothing more happens to a backup in a demo run. */
    public static final Set<String> FINAL_STATES =
            Set.of("VERIFIED", "VERIFICATION_FAILED", "VERIFICATION_ERROR", "FAILED", "DELETED");

    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * A client for the scheduler at {@code baseUrl}.
     *
     * @param baseUrl e.g. {@code http://127.0.0.1:8080}
     */
    public SchedulerClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * What the scheduler knows about one backup.
     *
     * @param backupId the backup
     * @param targetId its target
     * @param state REQUESTED, COMPLETED, FAILED, VERIFIED, VERIFICATION_FAILED, ... as the scheduler reports it
     * @param prefix object-key prefix of the backup's objects, or null before it completed
     * @param reportKey object key of {@code verification.json}, or null before verification
     * @param verificationOutcome PASSED, FAILED or ERROR, or null
     * @param failureReason why the backup failed, or null
     * @param failureMessage the failure's message, or null
     * @param json the whole response body
     */
    public record BackupStatus(
            UUID backupId,
            String targetId,
            String state,
            String prefix,
            String reportKey,
            String verificationOutcome,
            String failureReason,
            String failureMessage,
            String json) {

        /** True when the backup reached one of {@link #FINAL_STATES}. */
        public boolean isFinal() {
            return state != null && FINAL_STATES.contains(state);
        }
    }

    /**
     * Requests a manual backup.
     *
     * @param targetId a configured target
     * @param label the backup's label, or null for the scheduler's default
     * @return the backup id (equal to the request id)
     * @throws SchedulerException when the scheduler does not answer 202 with an id, with its response body
     */
    public UUID requestBackup(String targetId, String label) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("targetId", targetId);
        if (label != null) {
            body.put("label", label);
        }
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/backups"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.toBytes(body)))
                .build());
        if (r.statusCode() != 202) {
            throw new SchedulerException(
                    "POST /api/backups answered " + r.statusCode() + " instead of 202: " + r.body());
        }
        JsonNode json = EventJson.mapper().readTree(r.body());
        String id = text(json, "backupId");
        if (id == null) {
            id = text(json, "requestId");
        }
        if (id == null) {
            throw new SchedulerException("POST /api/backups answered without backupId or requestId: " + r.body());
        }
        return UUID.fromString(id);
    }

    /**
     * Reads one backup's state.
     *
     * @return the state, or empty while the scheduler does not know the backup yet (404)
     * @throws SchedulerException on any other non-200 answer
     */
    public Optional<BackupStatus> backup(UUID backupId) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/backups/" + backupId))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .GET()
                .build());
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        if (r.statusCode() != 200) {
            throw new SchedulerException(
                    "GET /api/backups/" + backupId + " answered " + r.statusCode() + ": " + r.body());
        }
        JsonNode json = EventJson.mapper().readTree(r.body());
        String id = text(json, "backupId");
        return Optional.of(new BackupStatus(
                id == null ? backupId : UUID.fromString(id),
                text(json, "targetId"),
                text(json, "state"),
                text(json, "prefix"),
                text(json, "reportKey"),
                text(json, "verificationOutcome"),
                text(json, "failureReason"),
                text(json, "failureMessage"),
                r.body()));
    }

    /**
     * Polls a backup once a second until it reaches one of the {@code finalStates} or the timeout passes.
     *
     * @param backupId the backup
     * @param finalStates the states to wait for
     * @param timeout how long to wait
     * @return the last state seen (possibly not final when the timeout passed), or empty when the scheduler never
     *     knew the backup
     */
    public Optional<BackupStatus> await(UUID backupId, Set<String> finalStates, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<BackupStatus> last = Optional.empty();
        while (true) {
            try {
                last = backup(backupId);
            } catch (SchedulerException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            if (last.isPresent() && finalStates.contains(last.get().state())) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                return last;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchedulerException("interrupted while waiting for backup " + backupId);
            }
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SchedulerException("scheduler at " + baseUrl + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchedulerException("interrupted while calling the scheduler");
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }

    /** The scheduler answered something unexpected or could not be reached. */
    public static final class SchedulerException extends RuntimeException {
        public SchedulerException(String message) {
            super(message);
        }
    }
}
