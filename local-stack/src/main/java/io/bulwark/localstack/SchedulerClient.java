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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Talks to the scheduler's REST API: {@code POST /api/backups} to request a backup and {@code GET
 * /api/backups/{id}} to follow it; {@code POST /api/backups/{id}/restore} to request its restore and {@code GET
 * /api/restores/{id}} to follow that.
 */
public final class SchedulerClient {

    /** Backup states after which nothing more happens to a backup in a demo run. */
    public static final Set<String> FINAL_STATES =
            Set.of("VERIFIED", "VERIFICATION_FAILED", "VERIFICATION_ERROR", "FAILED", "DELETED");

    /** Restore states after which nothing more happens to a restore. */
    public static final Set<String> RESTORE_FINAL_STATES = Set.of("SUCCEEDED", "FAILED");

    private final String baseUrl;
    private final String token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * A client for the scheduler at {@code baseUrl} that sends {@code token} as {@code Authorization: Bearer}.
     *
     * @param baseUrl e.g. {@code http://127.0.0.1:8080}
     * @param token an API token with the role the calls need (operator for backups and restores)
     * @throws IllegalArgumentException when the token is null or blank
     */
    public SchedulerClient(String baseUrl, String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the scheduler's API needs a token");
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
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
     * Asks for a backup to be verified again ({@code POST /api/backups/{id}/verify}); the verifier restores it into a
     * new sandbox and replaces its report.
     *
     * @throws SchedulerException when the scheduler does not answer 202 (404: it knows no such backup), with its body
     */
    public void requestVerification(UUID backupId) {
        HttpResponse<String> r =
                send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/backups/" + backupId + "/verify"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
        if (r.statusCode() != 202) {
            throw new SchedulerException("POST /api/backups/" + backupId + "/verify answered " + r.statusCode()
                    + " instead of 202: " + r.body());
        }
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

    /**
     * The body of {@code POST /api/backups/{id}/restore}; each null field is left out, so that the scheduler's
     * default applies (everything, into a new database on the backup's own server).
     *
     * @param destinationId a configured destination ({@code bulwark.restore.destinations.<id>}), or null
     * @param database the database to restore into, or null for a new one {@code <source db>_restored_<UTC>}
     * @param replace true to restore into an existing, non-empty database, or null
     * @param confirm the database's name repeated (with {@code replace}), or null
     * @param tables the tables to restore, empty for all
     * @param schemas the PostgreSQL schemas to restore, empty for all
     * @param force true to restore a backup that is not VERIFIED, or null
     */
    public record RestoreRequest(
            String destinationId,
            String database,
            Boolean replace,
            String confirm,
            List<String> tables,
            List<String> schemas,
            Boolean force) {

        public RestoreRequest {
            tables = tables == null ? List.of() : List.copyOf(tables);
            schemas = schemas == null ? List.of() : List.copyOf(schemas);
        }

        /** Everything into a new database on the configured destination {@code destinationId}. */
        public static RestoreRequest into(String destinationId) {
            return new RestoreRequest(destinationId, null, null, null, List.of(), List.of(), null);
        }

        /** This request into the database {@code name} (null: a new one). */
        public RestoreRequest database(String name) {
            return new RestoreRequest(destinationId, name, replace, confirm, tables, schemas, force);
        }

        /** This request restoring only {@code names}. */
        public RestoreRequest tables(List<String> names) {
            return new RestoreRequest(destinationId, database, replace, confirm, names, schemas, force);
        }

        /** This request replacing its database, with {@code confirmation} as {@code confirm} (null: none). */
        public RestoreRequest replacing(String confirmation) {
            return new RestoreRequest(destinationId, database, true, confirmation, tables, schemas, force);
        }

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            putIfSet(body, "destinationId", destinationId);
            putIfSet(body, "database", database);
            putIfSet(body, "replace", replace);
            putIfSet(body, "confirm", confirm);
            if (!tables.isEmpty()) {
                body.put("tables", tables);
            }
            if (!schemas.isEmpty()) {
                body.put("schemas", schemas);
            }
            putIfSet(body, "force", force);
            return body;
        }

        private static void putIfSet(Map<String, Object> body, String field, Object value) {
            if (value != null) {
                body.put(field, value);
            }
        }
    }

    /**
     * What the scheduler knows about one restore ({@code GET /api/restores/{id}}).
     *
     * @param restoreId the restore
     * @param backupId the backup restored, or null
     * @param state REQUESTED, RUNNING, SUCCEEDED or FAILED
     * @param phase the latest progress's phase (PREPARE, SPOOL, RESTORE, PROVE), or null
     * @param percent the latest progress's percent of the artifact read, or null
     * @param bytesRead stored bytes read so far, 0 when unknown
     * @param bytesTotal the artifact's stored size, 0 when unknown
     * @param etaSeconds estimated seconds left, or null
     * @param reason why it FAILED, or null
     * @param message why it FAILED, for a person, or null
     * @param database the database restored into, once it ended, or null
     * @param reportKey object key of {@code restore.json}, or null
     * @param reportPageKey object key of {@code restore.html}, or null
     * @param json the whole response body
     */
    public record RestoreStatus(
            UUID restoreId,
            UUID backupId,
            String state,
            String phase,
            Integer percent,
            long bytesRead,
            long bytesTotal,
            Long etaSeconds,
            String reason,
            String message,
            String database,
            String reportKey,
            String reportPageKey,
            String json) {

        /** True when the restore SUCCEEDED or FAILED. */
        public boolean isFinal() {
            return state != null && RESTORE_FINAL_STATES.contains(state);
        }

        static RestoreStatus of(UUID restoreId, String body) {
            JsonNode json = EventJson.mapper().readTree(body);
            JsonNode progress = json.path("progress");
            String id = text(json, "restoreId");
            String backup = text(json, "backupId");
            String percent = text(progress, "percent");
            String eta = text(progress, "etaSeconds");
            return new RestoreStatus(
                    id == null ? restoreId : UUID.fromString(id),
                    backup == null ? null : UUID.fromString(backup),
                    text(json, "state"),
                    text(json, "phase"),
                    percent == null ? null : Integer.valueOf(percent),
                    progress.path("bytesRead").asLong(0),
                    progress.path("bytesTotal").asLong(0),
                    eta == null ? null : Long.valueOf(eta),
                    text(json, "reason"),
                    text(json, "message"),
                    text(json.path("destination"), "database"),
                    text(json, "reportKey"),
                    text(json, "reportPageKey"),
                    body);
        }
    }

    /**
     * Requests the restore of a backup.
     *
     * @param backupId the backup
     * @param request where to and what
     * @return the restore as the scheduler projected it at once (REQUESTED)
     * @throws SchedulerException when the scheduler does not answer 202 with a restore id; {@link
     *     SchedulerException#status()} is the HTTP status (409 for a refused destination, 400 for a malformed
     *     request, ...) and {@link SchedulerException#detail()} the problem's detail
     */
    public RestoreStatus requestRestore(UUID backupId, RestoreRequest request) {
        String path = "/api/backups/" + backupId + "/restore";
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.toBytes(request.body())))
                .build());
        if (r.statusCode() != 202) {
            String detail = problemDetail(r.body());
            throw new SchedulerException(
                    "POST " + path + " answered " + r.statusCode() + ": " + (detail != null ? detail : r.body()),
                    r.statusCode(),
                    detail);
        }
        RestoreStatus status = RestoreStatus.of(null, r.body());
        if (status.restoreId() == null) {
            throw new SchedulerException("POST " + path + " answered without restoreId: " + r.body());
        }
        return status;
    }

    /**
     * Reads one restore's state.
     *
     * @return the state, or empty while the scheduler does not know the restore (404)
     * @throws SchedulerException on any other non-200 answer
     */
    public Optional<RestoreStatus> restore(UUID restoreId) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/restores/" + restoreId))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .GET()
                .build());
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        if (r.statusCode() != 200) {
            throw new SchedulerException(
                    "GET /api/restores/" + restoreId + " answered " + r.statusCode() + ": " + r.body(),
                    r.statusCode(),
                    problemDetail(r.body()));
        }
        return Optional.of(RestoreStatus.of(restoreId, r.body()));
    }

    /**
     * Polls a restore every {@code interval} until it SUCCEEDED or FAILED or the timeout passes, telling {@code
     * onChange} each state seen whose state, phase or percent differs from the one before.
     *
     * @param restoreId the restore
     * @param timeout how long to wait
     * @param interval how long to wait between two polls
     * @param onChange told each new state, in order; null for none
     * @return the last state seen (possibly not final when the timeout passed), or empty when the scheduler never
     *     knew the restore
     */
    public Optional<RestoreStatus> awaitRestore(
            UUID restoreId, Duration timeout, Duration interval, Consumer<RestoreStatus> onChange) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<RestoreStatus> last = Optional.empty();
        RestoreStatus told = null;
        while (true) {
            try {
                last = restore(restoreId);
            } catch (SchedulerException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            if (last.isPresent() && onChange != null) {
                RestoreStatus now = last.get();
                if (told == null
                        || !Objects.equals(told.state(), now.state())
                        || !Objects.equals(told.phase(), now.phase())
                        || !Objects.equals(told.percent(), now.percent())) {
                    onChange.accept(now);
                    told = now;
                }
            }
            if (last.isPresent() && last.get().isFinal()) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                return last;
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchedulerException("interrupted while waiting for restore " + restoreId);
            }
        }
    }

    private static String problemDetail(String body) {
        try {
            return text(EventJson.mapper().readTree(body), "detail");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Authorization", "Bearer " + token)
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SchedulerException("scheduler at " + baseUrl + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchedulerException("interrupted while calling the scheduler");
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json == null ? null : json.get(field);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }

    /** The scheduler answered something unexpected or could not be reached. */
    public static final class SchedulerException extends RuntimeException {

        private final int status;
        private final String detail;

        public SchedulerException(String message) {
            this(message, 0, null);
        }

        /**
         * @param status the HTTP status the scheduler answered, 0 when it did not answer
         * @param detail the problem's detail, or null
         */
        public SchedulerException(String message, int status, String detail) {
            super(message);
            this.status = status;
            this.detail = detail;
        }

        /** The HTTP status the scheduler answered, 0 when it did not answer. */
        public int status() {
            return status;
        }

        /** The detail of the problem the scheduler answered, or null. */
        public String detail() {
            return detail;
        }
    }
}
