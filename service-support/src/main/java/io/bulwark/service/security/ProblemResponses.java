package io.bulwark.service.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the security refusals as RFC 9457 problem details ({@code application/problem+json}), each naming its cause
 * in {@code detail} and in a machine-readable {@code reason}:
 *
 * <ul>
 *   <li>401 {@code missing-token}: no {@code Authorization: Bearer} token was sent ({@code WWW-Authenticate: Bearer}).
 *   <li>401 {@code invalid-token}: the token is no configured API token and no valid JWT ({@code WWW-Authenticate:
 *       Bearer error="invalid_token"}); the token itself is never echoed.
 *   <li>403 {@code role-too-small}: the caller's role is below the one the call needs; {@code requiredRole} and
 *       {@code role} name both.
 *   <li>413 {@code body-too-large}: the request body is larger than {@code bulwark.security.max-request-body}.
 * </ul>
 *
 * Thread-safe.
 */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** The media type of every answer written here. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiAccessRules rules;

    /** Refusals that name the role {@code rules} require. */
    public ProblemResponses(ApiAccessRules rules) {
        this.rules = rules;
    }

    /** Answers 401: the token is missing or not valid. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean invalid = e instanceof OAuth2AuthenticationException;
        Map<String, Object> extra = new LinkedHashMap<>();
        String detail;
        if (invalid) {
            String description = ((OAuth2AuthenticationException) e).getError().getDescription();
            detail = "the bearer token is not valid"
                    + (description == null || description.isBlank() ? "" : ": " + description);
            extra.put("reason", "invalid-token");
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        } else {
            detail = "no API token was sent: send the header 'Authorization: Bearer <token>'";
            extra.put("reason", "missing-token");
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        rules.requiredRole(request).ifPresent(role -> extra.put("requiredRole", role.configName()));
        write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail, extra);
    }

    /** Answers 403: the caller is known but its role is below the one the call needs. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken) {
            commence(request, response, new InsufficientAuthenticationException("no token"));
            return;
        }
        Optional<ApiRole> required = rules.requiredRole(request);
        Optional<ApiRole> held = highestRole(caller);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("reason", "role-too-small");
        required.ifPresent(role -> extra.put("requiredRole", role.configName()));
        extra.put("role", held.map(ApiRole::configName).orElse(null));
        String detail = request.getMethod() + " " + request.getRequestURI() + " needs the role "
                + required.map(ApiRole::configName).orElse("(none granted)") + "; '" + caller.getName() + "' has "
                + held.map(r -> "the role " + r.configName()).orElse("no role");
        write(request, response, HttpStatus.FORBIDDEN, "Forbidden", detail, extra);
    }

    /** Answers 413: the body is larger than {@code limitBytes}. */
    public static void bodyTooLarge(HttpServletRequest request, HttpServletResponse response, long limitBytes)
            throws IOException {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("reason", "body-too-large");
        extra.put("limitBytes", limitBytes);
        write(
                request,
                response,
                HttpStatus.CONTENT_TOO_LARGE,
                "Request body too large",
                "the request body is larger than " + limitBytes + " bytes (bulwark.security.max-request-body)",
                extra);
    }

    /** The highest {@link ApiRole} among the caller's authorities. */
    static Optional<ApiRole> highestRole(Authentication caller) {
        ApiRole highest = null;
        for (GrantedAuthority a : caller.getAuthorities()) {
            for (ApiRole role : ApiRole.values()) {
                if (role.authority().equals(a.getAuthority()) && (highest == null || role.compareTo(highest) > 0)) {
                    highest = role;
                }
            }
        }
        return Optional.ofNullable(highest);
    }

    private static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String title,
            String detail,
            Map<String, Object> extra)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.putAll(extra);
        byte[] body = JSON.writeValueAsBytes(problem);
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
