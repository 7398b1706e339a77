package io.bulwark.service.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified JWT into a caller with {@link ApiRole}s: the claim {@code bulwark.security.oidc.role-claim} (a
 * dotted path into nested objects, e.g. {@code realm_access.roles}) holds a string, a space- or comma-separated list,
 * or an array of strings; each value is mapped through {@code role-mapping} (exact, case-sensitive keys), or, without
 * a mapping for it, taken as a role's own name ({@code viewer}, {@code operator}, {@code admin}, any case). Values
 * that map to no role are ignored, so a JWT with none authenticates but may call nothing that needs a role. The
 * caller's name is the JWT's subject. Immutable and thread-safe.
 */
public final class JwtRoleConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final List<String> claimPath;
    private final Map<String, String> mapping;

    /**
     * @param roleClaim the claim's dotted path, e.g. {@code roles} or {@code realm_access.roles}
     * @param mapping claim value to role name
     * @throws IllegalArgumentException when the path is blank or a mapping names no role
     */
    public JwtRoleConverter(String roleClaim, Map<String, String> mapping) {
        if (roleClaim == null || roleClaim.isBlank()) {
            throw new IllegalArgumentException("bulwark.security.oidc.role-claim is blank");
        }
        this.claimPath = List.of(roleClaim.strip().split("\\."));
        this.mapping = Map.copyOf(mapping);
        this.mapping.forEach((value, role) -> {
            try {
                ApiRole.parse(role);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "bulwark.security.oidc.role-mapping." + value + ": " + e.getMessage());
            }
        });
    }

    /** The caller of {@code jwt}: its subject with the authorities of the roles its claim maps to. */
    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        for (ApiRole role : roles(jwt.getClaims())) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    /** The roles the claims map to, empty when the claim is missing or maps to none. */
    public Set<ApiRole> roles(Map<String, Object> claims) {
        Object node = claims;
        for (String segment : claimPath) {
            if (!(node instanceof Map<?, ?> map)) {
                return Set.of();
            }
            node = map.get(segment);
        }
        Set<ApiRole> roles = EnumSet.noneOf(ApiRole.class);
        for (String value : values(node)) {
            String name = mapping.getOrDefault(value, value);
            try {
                roles.add(ApiRole.parse(name));
            } catch (IllegalArgumentException e) {
                // a value that is no role and has no mapping grants nothing
            }
        }
        return roles;
    }

    private static List<String> values(Object node) {
        List<String> values = new ArrayList<>();
        if (node instanceof String s) {
            for (String part : s.split("[\\s,]+")) {
                if (!part.isBlank()) {
                    values.add(part);
                }
            }
        } else if (node instanceof Collection<?> c) {
            for (Object o : c) {
                if (o instanceof String s && !s.isBlank()) {
                    values.add(s.strip());
                }
            }
        }
        return values;
    }
}
