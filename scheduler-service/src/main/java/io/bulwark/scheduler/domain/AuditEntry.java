package io.bulwark.scheduler.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One state-changing API call as the audit log keeps it. Never holds a token or a request body.
 *
 * @param id the row's id, increasing in the order calls were recorded; 0 before it is stored
 * @param at when the call was answered
 * @param caller the API token's name or the JWT's subject, or null when the caller was not authenticated
 * @param method the HTTP method: POST, PUT, PATCH or DELETE
 * @param path the request path, without the query
 * @param targetId the target the call was about (the body's {@code targetId} or the path's {@code
 *     /api/targets/{id}}), or null
 * @param resourceId the backup or restore the path names, or null
 * @param remoteAddress the client's address as the server saw it (no forwarding header is trusted), or null
 * @param status the HTTP status answered (401 and 403 for refused calls)
 */
public record AuditEntry(
        long id,
        Instant at,
        String caller,
        String method,
        String path,
        String targetId,
        String resourceId,
        String remoteAddress,
        int status) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }
}
