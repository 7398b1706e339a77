package io.bulwark.service.security;

import java.util.List;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Authenticates a bearer token: a configured API token ({@link ApiTokens}) is its holder with its role; else, when a
 * JWT resource server is configured and the token has a JWT's shape, the JWT provider decides. Anything else fails
 * with {@link InvalidBearerTokenException} (answered 401 {@code invalid-token}). Thread-safe.
 */
public final class BearerAuthenticationManager implements AuthenticationManager {

    private final ApiTokens tokens;
    private final AuthenticationProvider jwt;

    /**
     * @param tokens the configured API tokens
     * @param jwt the JWT provider, or null when no OIDC/JWT resource server is configured
     */
    public BearerAuthenticationManager(ApiTokens tokens, AuthenticationProvider jwt) {
        this.tokens = tokens;
        this.jwt = jwt;
    }

    /**
     * The caller of a {@link BearerTokenAuthenticationToken}.
     *
     * @throws InvalidBearerTokenException when the token is neither a configured API token nor a valid JWT
     */
    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            throw new InvalidBearerTokenException("only bearer tokens are accepted");
        }
        String token = bearer.getToken();
        var holder = tokens.match(token);
        if (holder.isPresent()) {
            return new PreAuthenticatedAuthenticationToken(
                    holder.get().name(),
                    null,
                    List.of(new SimpleGrantedAuthority(holder.get().role().authority())));
        }
        if (jwt != null && token.chars().filter(c -> c == '.').count() == 2) {
            return jwt.authenticate(bearer);
        }
        throw new InvalidBearerTokenException(
                jwt == null ? "it is not a configured API token" : "it is neither a configured API token nor a JWT");
    }
}
