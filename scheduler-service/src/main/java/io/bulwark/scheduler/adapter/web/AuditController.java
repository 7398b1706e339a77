package io.bulwark.scheduler.adapter.web;

import io.bulwark.scheduler.application.AuditLog;
import io.bulwark.scheduler.application.InvalidRequestException;
import io.bulwark.scheduler.domain.AuditEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit?limit=100&since=<ISO-8601>} (admin only): the newest state-changing API calls, newest first,
 * as {@code {"items": [{"id", "at", "caller", "method", "path", "targetId", "resourceId", "remoteAddress",
 * "status"}], "limit"}}. 400 when {@code limit} is not 1..1000 or {@code since} is not an instant.
 */
@RestController
public class AuditController {

    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * The newest entries.
     *
     * @throws InvalidRequestException when {@code limit} is out of range
     */
    @GetMapping("/api/audit")
    public AuditPage list(
            @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) Instant since) {
        if (limit < 1 || limit > AuditLog.MAX_LIMIT) {
            throw new InvalidRequestException("limit", "limit must be 1.." + AuditLog.MAX_LIMIT + " but was " + limit);
        }
        return new AuditPage(audit.recent(limit, since), limit);
    }

    /**
     * Body of {@code GET /api/audit}.
     *
     * @param items the entries, newest first
     * @param limit the most items this page could hold
     */
    public record AuditPage(List<AuditEntry> items, int limit) {}
}
