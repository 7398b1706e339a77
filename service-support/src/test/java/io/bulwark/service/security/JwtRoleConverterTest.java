package io.bulwark.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtRoleConverterTest {

    @Test
    void aRoleNamedInTheDefaultClaimIsThatRole() {
        JwtRoleConverter converter = new JwtRoleConverter("roles", Map.of());

        assertThat(converter.roles(Map.of("roles", List.of("Operator", "unrelated"))))
                .containsExactly(ApiRole.OPERATOR);
    }

    @Test
    void aDottedPathReachesANestedClaimAndTheMappingTranslatesItsValues() {
        JwtRoleConverter converter =
                new JwtRoleConverter("realm_access.roles", Map.of("backup-admins", "admin", "dba", "viewer"));

        assertThat(converter.roles(Map.of("realm_access", Map.of("roles", List.of("dba", "backup-admins", "other")))))
                .containsExactlyInAnyOrder(ApiRole.ADMIN, ApiRole.VIEWER);
    }

    @Test
    void aSpaceOrCommaSeparatedStringClaimIsSplit() {
        JwtRoleConverter converter = new JwtRoleConverter("scope", Map.of("bulwark:ops", "operator"));

        assertThat(converter.roles(Map.of("scope", "openid bulwark:ops,email"))).containsExactly(ApiRole.OPERATOR);
    }

    @Test
    void aMissingClaimOrAPathThroughANonObjectGrantsNothing() {
        JwtRoleConverter converter = new JwtRoleConverter("realm_access.roles", Map.of());

        assertThat(converter.roles(Map.of())).isEmpty();
        assertThat(converter.roles(Map.of("realm_access", "admin"))).isEmpty();
        assertThat(converter.roles(Map.of("realm_access", Map.of("roles", 42)))).isEmpty();
    }

    @Test
    void theCallerIsTheSubjectWithTheRolesAuthorities() {
        JwtRoleConverter converter = new JwtRoleConverter("groups", Map.of("ops", "operator"));
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("alice@example.org")
                .claim("groups", List.of("ops"))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();

        AbstractAuthenticationToken caller = converter.convert(jwt);

        assertThat(caller.getName()).isEqualTo("alice@example.org");
        assertThat(caller.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_OPERATOR");
    }

    @Test
    void aMappingToNoRoleIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new JwtRoleConverter("roles", Map.of("ops", "superuser")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("role-mapping.ops")
                .hasMessageContaining("superuser");
    }
}
