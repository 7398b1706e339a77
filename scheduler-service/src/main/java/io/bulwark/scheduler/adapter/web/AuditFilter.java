package io.bulwark.scheduler.adapter.web;

import io.bulwark.contracts.Ids;
import io.bulwark.scheduler.application.AuditLog;
import io.bulwark.scheduler.domain.AuditEntry;
import io.bulwark.service.security.ApiCaller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every state-changing call (POST, PUT, PATCH, DELETE) in the {@link AuditLog} once it is answered, refused
 * ones (401, 403, 413, 4xx) included: it runs outside the security chain and the body limit
 * (ApiSecurityAutoConfiguration.AUDIT_FILTER_ORDER), and learns the caller from {@link ApiCaller}. The target id is
 * taken from the body's {@code targetId} when the application read the body (so not from a refused call's body), else
 * from {@code /api/targets/{id}} or {@code /api/schedules/{id}/...}; the resource id is the backup or restore the
 * path names. A failure to record is logged and does not change the answer. Thread-safe.
 */
public final class AuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern TARGET_PATH = Pattern.compile("^/api/(?:targets|schedules)/([^/]+)");
    private static final Pattern RESOURCE_PATH =
            Pattern.compile("^/api/(?:backups|restores|keys|schedules|holds)/([^/]+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditLog audit;
    private final Clock clock;
    private final int bodyLimit;

    /**
     * @param audit where calls are recorded
     * @param clock the time of each entry
     * @param bodyLimit the most body bytes kept to find the {@code targetId} (the request body limit)
     */
    public AuditFilter(AuditLog audit, Clock clock, int bodyLimit) {
        this.audit = audit;
        this.clock = clock;
        this.bodyLimit = bodyLimit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !STATE_CHANGING.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingRequestWrapper cached = new ContentCachingRequestWrapper(request, bodyLimit);
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        try {
            chain.doFilter(cached, response);
            status = response.getStatus();
        } finally {
            record(cached, status);
        }
    }

    private void record(ContentCachingRequestWrapper request, int status) {
        String path = request.getRequestURI();
        try {
            audit.record(new AuditEntry(
                    0,
                    clock.instant(),
                    ApiCaller.of(request).orElse(null),
                    request.getMethod(),
                    clip(path, 2000),
                    targetId(path, request.getContentAsByteArray()),
                    group(RESOURCE_PATH, path),
                    request.getRemoteAddr(),
                    status));
        } catch (RuntimeException e) {
            log.warn("audit: {} {} ({}) not recorded: {}", request.getMethod(), path, status, e.getMessage());
        }
    }

    private static String targetId(String path, byte[] body) {
        if (body.length > 0) {
            try {
                JsonNode id = JSON.readTree(body).get("targetId");
                if (id != null && id.isString() && Ids.isSafe(id.asString())) {
                    return id.asString();
                }
            } catch (RuntimeException e) {
                // not JSON: the path may still name the target
            }
        }
        String fromPath = group(TARGET_PATH, path);
        return fromPath != null && Ids.isSafe(fromPath) ? fromPath : null;
    }

    private static String group(Pattern pattern, String path) {
        Matcher m = pattern.matcher(path);
        return m.find() ? clip(m.group(1), 200) : null;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
