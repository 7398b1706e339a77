package io.bulwark.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.service.secrets.SecretReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokensTest {

    private static final SecretReader ENV = new SecretReader(Map.of("OPS_TOKEN", "ops-secret")::get);

    @Test
    void eachSourceGivesItsHolderAndRole(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("admin.token"), "admin-secret\n");
        ApiTokens tokens = ApiTokens.of(
                List.of(
                        new ApiSecurityProperties.Token("ci", "admin", file.toString(), null, null),
                        new ApiSecurityProperties.Token("ops", "operator", null, "OPS_TOKEN", null),
                        new ApiSecurityProperties.Token(
                                "grafana", "viewer", null, null, ApiTokens.sha256Hex("viewer-secret"))),
                ENV);

        assertThat(tokens.match("admin-secret")).contains(new ApiTokens.Holder("ci", ApiRole.ADMIN));
        assertThat(tokens.match("ops-secret")).contains(new ApiTokens.Holder("ops", ApiRole.OPERATOR));
        assertThat(tokens.match("viewer-secret")).contains(new ApiTokens.Holder("grafana", ApiRole.VIEWER));
        assertThat(tokens.match("admin-secret ")).isEmpty();
        assertThat(tokens.match("")).isEmpty();
        assertThat(tokens.match(null)).isEmpty();
    }

    @Test
    void aBrokenEntryIsRefusedNamingItButNeverTheToken() {
        assertThatThrownBy(() -> ApiTokens.of(
                        List.of(new ApiSecurityProperties.Token("x", "root", null, "OPS_TOKEN", null)), ENV))
                .hasMessageContaining("tokens[0].role")
                .hasMessageNotContaining("ops-secret");
        assertThatThrownBy(() -> ApiTokens.of(
                        List.of(new ApiSecurityProperties.Token("x", "admin", null, "OPS_TOKEN", "ab")), ENV))
                .hasMessageContaining("exactly one of");
        assertThatThrownBy(() -> ApiTokens.of(
                        List.of(new ApiSecurityProperties.Token("x", "admin", null, "MISSING", null)), ENV))
                .hasMessageContaining("MISSING");
        assertThatThrownBy(() -> ApiTokens.of(
                        List.of(
                                new ApiSecurityProperties.Token("x", "admin", null, "OPS_TOKEN", null),
                                new ApiSecurityProperties.Token("x", "viewer", null, "OPS_TOKEN", null)),
                        ENV))
                .hasMessageContaining("used twice");
    }

    @Test
    void theRoleHierarchyLetsAHigherRoleDoWhatALowerOneMay() {
        assertThat(ApiRole.hierarchy()
                        .getReachableGrantedAuthorities(List.of(
                                new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ADMIN"))))
                .extracting(a -> a.getAuthority())
                .contains("ROLE_ADMIN", "ROLE_OPERATOR", "ROLE_VIEWER");
        assertThat(ApiRole.hierarchy()
                        .getReachableGrantedAuthorities(List.of(
                                new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_VIEWER"))))
                .extracting(a -> a.getAuthority())
                .containsExactly("ROLE_VIEWER");
    }
}
