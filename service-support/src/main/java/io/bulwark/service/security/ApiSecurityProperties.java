package io.bulwark.service.security;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code bulwark.security.*}: who may call a service's HTTP API. With no token and no OIDC issuer every call except
 * {@code /actuator/health} is refused (never open by default).
 *
 * @param tokens the API tokens, none by default
 * @param oidc the optional OIDC/JWT resource server, null when not configured
 * @param maxRequestBody the largest request body accepted (default 64 KiB); a larger one is answered 413
 */
@ConfigurationProperties("bulwark.security")
public record ApiSecurityProperties(List<Token> tokens, Oidc oidc, DataSize maxRequestBody) {

    /** The default request body limit, 64 KiB. */
    public static final DataSize DEFAULT_MAX_REQUEST_BODY = DataSize.ofKilobytes(64);

    public ApiSecurityProperties {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        maxRequestBody = maxRequestBody == null ? DEFAULT_MAX_REQUEST_BODY : maxRequestBody;
    }

    /** True when an OIDC issuer or JWK set is configured. */
    public boolean oidcEnabled() {
        return oidc != null && (oidc.issuerUri() != null || oidc.jwkSetUri() != null);
    }

    /**
     * One API token; exactly one of {@code tokenFile}, {@code tokenEnv} and {@code sha256} names its secret.
     *
     * @param name who holds it, as the audit log shows it (never the token)
     * @param role {@code viewer}, {@code operator} or {@code admin}
     * @param tokenFile a file whose first line is the token
     * @param tokenEnv an environment variable holding the token
     * @param sha256 the token's SHA-256 as 64 hex digits, so that the configuration never holds the token itself
     */
    public record Token(String name, String role, String tokenFile, String tokenEnv, String sha256) {}

    /**
     * The OIDC/JWT resource server: bearer tokens that are JWTs are checked against the issuer's keys.
     *
     * @param issuerUri the issuer; its discovery document names the keys (looked up at the first JWT, not at
     *     start-up); its {@code iss} is required in every JWT
     * @param jwkSetUri the issuer's key set, when discovery is not wanted; optional
     * @param audience when set, every JWT's {@code aud} must contain it
     * @param roleClaim the claim holding the caller's roles, a dotted path into nested objects (e.g. {@code
     *     realm_access.roles}); default {@code roles}
     * @param roleMapping claim value to role ({@code viewer}, {@code operator}, {@code admin}); without a mapping a
     *     claim value that is a role's name is that role
     */
    public record Oidc(
            URI issuerUri, URI jwkSetUri, String audience, String roleClaim, Map<String, String> roleMapping) {

        /** The default role claim. */
        public static final String DEFAULT_ROLE_CLAIM = "roles";

        public Oidc {
            roleClaim = roleClaim == null || roleClaim.isBlank() ? DEFAULT_ROLE_CLAIM : roleClaim;
            roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
        }
    }
}
