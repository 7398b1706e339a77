package io.bulwark.service.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which role each HTTP call needs; the first rule that matches a request decides:
 *
 * <ol>
 *   <li>{@code /actuator/health/**}: open (load balancers and orchestrators probe it).
 *   <li>The dashboard's static files ({@code /console/**}, {@code /webjars/**}) and the API description
 *       ({@code /v3/api-docs/**}, {@code /swagger-ui/**}): open; they hold no data, and every call they make to
 *       {@code /api} carries the caller's token.
 *   <li>{@code GET /api/audit/**}: admin.
 *   <li>{@code POST /api/keys/{fingerprint}/retire}: admin.
 *   <li>{@code POST} and {@code DELETE /api/backups/{id}/hold} (retention holds): admin.
 *   <li>{@code POST /api/backups}, {@code POST /api/backups/{id}/verify}, {@code POST /api/backups/{id}/restore},
 *       {@code POST /api/targets/{id}/restore}, {@code POST /api/verifications/**}, {@code POST /api/restores/**},
 *       {@code POST /api/schedules/{targetId}/{name}/run|enable|disable}, {@code POST /api/reports} (issue the
 *       periodic backup report now), {@code POST /api/notifications/test} (the notifier's test notification):
 *       operator.
 *   <li>{@code GET /api/**} (backups, restores, retention plans, holds, keys, notifications): viewer.
 *   <li>Every other call under {@code /api/} (schedules, retention, holds, {@code DELETE /api/backups/{id}}, and any
 *       state change not listed above): admin, so that a new endpoint is closed until a rule opens it.
 *   <li>Everything else (the other actuator endpoints, unknown paths): any authenticated caller.
 * </ol>
 *
 * Roles include the lower ones ({@link ApiRole#hierarchy()}). Immutable and thread-safe.
 */
public final class ApiAccessRules {

    /**
     * One rule.
     *
     * @param method the method it applies to, or null for every method
     * @param pattern a path pattern ({@code *} one segment, {@code **} the rest)
     * @param role the least role it needs, or null for {@link #open} and authenticated rules
     * @param open true when no authentication is needed
     */
    public record Rule(HttpMethod method, String pattern, ApiRole role, boolean open) {

        RequestMatcher matcher() {
            return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
        }
    }

    private static final List<Rule> RULES = List.of(
            open("/actuator/health"),
            open("/actuator/health/**"),
            open("/console"),
            open("/console/**"),
            open("/webjars/**"),
            open("/v3/api-docs"),
            open("/v3/api-docs/**"),
            open("/swagger-ui.html"),
            open("/swagger-ui/**"),
            rule(HttpMethod.GET, "/api/audit", ApiRole.ADMIN),
            rule(HttpMethod.GET, "/api/audit/**", ApiRole.ADMIN),
            rule(HttpMethod.POST, "/api/keys/*/retire", ApiRole.ADMIN),
            rule(HttpMethod.POST, "/api/backups/*/hold", ApiRole.ADMIN),
            rule(HttpMethod.DELETE, "/api/backups/*/hold", ApiRole.ADMIN),
            rule(HttpMethod.POST, "/api/backups", ApiRole.OPERATOR),
            rule(HttpMethod.POST, "/api/backups/*/verify", ApiRole.OPERATOR),
            rule(HttpMethod.POST, "/api/backups/*/restore", ApiRole.OPERATOR),
            rule(HttpMethod.POST, "/api/targets/*/restore", ApiRole.OPERATOR),
            rule(HttpMethod.POST, "/api/verifications/**", ApiRole.OPERATOR),
            rule(HttpMethod.POST, "/api/restores/**", ApiRole.OPERATOR),
            rule(HttpMethod.POST, "/api/schedules/*/*/run", ApiRole.OPERATOR),
            rule(HttpMethod.POST, "/api/schedules/*/*/enable", ApiRole.OPERATOR),
            rule(HttpMethod.POST, "/api/schedules/*/*/disable", ApiRole.OPERATOR),
            rule(HttpMethod.POST, "/api/reports", ApiRole.OPERATOR),
            rule(HttpMethod.POST, "/api/notifications/test", ApiRole.OPERATOR),
            rule(HttpMethod.GET, "/api/**", ApiRole.VIEWER),
            rule(null, "/api/schedules/**", ApiRole.ADMIN),
            rule(null, "/api/retention/**", ApiRole.ADMIN),
            rule(null, "/api/holds/**", ApiRole.ADMIN),
            rule(HttpMethod.DELETE, "/api/**", ApiRole.ADMIN),
            rule(null, "/api", ApiRole.ADMIN),
            rule(null, "/api/**", ApiRole.ADMIN));

    private final RoleHierarchy hierarchy;

    /** The rules with {@link ApiRole#hierarchy()}. */
    public ApiAccessRules() {
        this.hierarchy = ApiRole.hierarchy();
    }

    /** The rules, in the order they are tried; after them every request needs an authenticated caller. */
    public List<Rule> rules() {
        return RULES;
    }

    /**
     * Installs the rules, then "every other request needs an authenticated caller".
     *
     * @param registry the registry of {@code HttpSecurity.authorizeHttpRequests}
     */
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry) {
        for (Rule r : RULES) {
            if (r.open()) {
                registry.requestMatchers(r.matcher()).permitAll();
            } else {
                AuthorityAuthorizationManager<RequestAuthorizationContext> manager =
                        AuthorityAuthorizationManager.hasRole(r.role().name());
                manager.setRoleHierarchy(hierarchy);
                registry.requestMatchers(r.matcher()).access(manager);
            }
        }
        registry.anyRequest().authenticated();
    }

    /** The least role {@code request} needs, or empty when it is open or needs only an authenticated caller. */
    public Optional<ApiRole> requiredRole(HttpServletRequest request) {
        for (Rule r : RULES) {
            if (r.matcher().matches(request)) {
                return Optional.ofNullable(r.role());
            }
        }
        return Optional.empty();
    }

    private static Rule open(String pattern) {
        return new Rule(null, pattern, null, true);
    }

    private static Rule rule(HttpMethod method, String pattern, ApiRole role) {
        return new Rule(method, pattern, role, false);
    }
}
