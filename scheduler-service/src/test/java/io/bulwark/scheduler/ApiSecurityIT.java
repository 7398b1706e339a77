package io.bulwark.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.bulwark.contracts.EventJson;
import io.bulwark.service.security.ApiRole;
import io.bulwark.service.security.ApiTokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every HTTP call of the scheduler asks who you are, on a real scheduler (embedded Kafka, the machine's PostgreSQL in
 * a database of its own): the matrix of every {@code /api} endpoint found in the request mappings without a token
 * (401), with too small a role (403) and with the needed role (neither); the problem details of each refusal; the
 * request body limit (413); the audit log of accepted and refused state changes; JWTs of an OIDC issuer (a locally
 * generated RSA key, no network) with their role claim mapped.
 */
@SchedulerIntegrationTest
@TestPropertySource(
        properties = {
            "bulwark.targets.chinook.engine=postgresql",
            "bulwark.security.max-request-body=2KB",
            "bulwark.security.oidc.role-claim=realm_access.roles",
            "bulwark.security.oidc.role-mapping.backup-ops=operator",
            "bulwark.security.oidc.role-mapping.backup-readers=viewer"
        })
class ApiSecurityIT {

    private static final SchedulerItDatabase DATABASE = new SchedulerItDatabase("http_auth_api_security_it_");
    private static final Map<ApiRole, String> TOKENS = Map.of(
            ApiRole.VIEWER, "it-viewer-token-" + UUID.randomUUID(),
            ApiRole.OPERATOR, "it-operator-token-" + UUID.randomUUID(),
            ApiRole.ADMIN, "it-admin-token-" + UUID.randomUUID());
    private static final RSAKey ISSUER_KEY = rsaKey();
    private static final RSAKey OTHER_KEY = rsaKey();

    /**
     * The role each endpoint needs, by {@code METHOD pattern}. Every {@code /api} mapping of the scheduler must be
     * here, so that a new endpoint cannot go untested (the keys endpoints are here for when they arrive).
     */
    private static final Map<String, ApiRole> EXPECTED = Map.ofEntries(
            Map.entry("POST /api/backups", ApiRole.OPERATOR),
            Map.entry("GET /api/backups", ApiRole.VIEWER),
            Map.entry("GET /api/backups/{id}", ApiRole.VIEWER),
            Map.entry("POST /api/backups/{id}/verify", ApiRole.OPERATOR),
            Map.entry("POST /api/backups/{id}/restore", ApiRole.OPERATOR),
            Map.entry("POST /api/targets/{targetId}/restore", ApiRole.OPERATOR),
            Map.entry("GET /api/restores", ApiRole.VIEWER),
            Map.entry("GET /api/alerts", ApiRole.VIEWER),
            Map.entry("GET /api/restores/{restoreId}", ApiRole.VIEWER),
            Map.entry("GET /api/activity", ApiRole.VIEWER),
            Map.entry("GET /api/backups/{id}/report", ApiRole.VIEWER),
            Map.entry("GET /api/backups/{id}/report.html", ApiRole.VIEWER),
            Map.entry("GET /api/restores/{restoreId}/report", ApiRole.VIEWER),
            Map.entry("GET /api/audit", ApiRole.ADMIN),
            Map.entry("GET /api/keys", ApiRole.VIEWER),
            Map.entry("GET /api/keys/{fingerprint}", ApiRole.VIEWER),
            Map.entry("POST /api/keys/{fingerprint}/retire", ApiRole.ADMIN),
            Map.entry("GET /api/targets", ApiRole.VIEWER),
            Map.entry("GET /api/targets/{id}", ApiRole.VIEWER),
            Map.entry("GET /api/statistics", ApiRole.VIEWER),
            Map.entry("GET /api/reports", ApiRole.VIEWER),
            Map.entry("GET /api/reports/{id}", ApiRole.VIEWER),
            Map.entry("POST /api/reports", ApiRole.OPERATOR),
            Map.entry("GET /api/schedules", ApiRole.VIEWER),
            Map.entry("GET /api/schedules/next", ApiRole.VIEWER),
            Map.entry("GET /api/schedules/{targetId}/{name}", ApiRole.VIEWER),
            Map.entry("POST /api/schedules", ApiRole.ADMIN),
            Map.entry("PUT /api/schedules/{targetId}/{name}", ApiRole.ADMIN),
            Map.entry("DELETE /api/schedules/{targetId}/{name}", ApiRole.ADMIN),
            Map.entry("POST /api/schedules/{targetId}/{name}/enable", ApiRole.OPERATOR),
            Map.entry("POST /api/schedules/{targetId}/{name}/disable", ApiRole.OPERATOR),
            Map.entry("POST /api/schedules/{targetId}/{name}/run", ApiRole.OPERATOR),
            // retention-service endpoints (same ApiAccessRules; HoldsAndDeletionIT calls them with each role)
            Map.entry("POST /api/backups/{id}/hold", ApiRole.ADMIN),
            Map.entry("DELETE /api/backups/{id}/hold", ApiRole.ADMIN),
            Map.entry("GET /api/holds", ApiRole.VIEWER),
            Map.entry("DELETE /api/backups/{id}", ApiRole.ADMIN),
            // the notifier's endpoints (same ApiAccessRules; not mapped in the scheduler)
            Map.entry("POST /api/notifications/test", ApiRole.OPERATOR),
            Map.entry("GET /api/notifications", ApiRole.VIEWER));

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) throws SQLException {
        DATABASE.registerDataSource(registry);
        int i = 0;
        for (ApiRole role : ApiRole.values()) {
            String prefix = "bulwark.security.tokens[" + i++ + "].";
            registry.add(prefix + "name", () -> "it-" + role.configName());
            registry.add(prefix + "role", role::configName);
            registry.add(prefix + "sha256", () -> ApiTokens.sha256Hex(TOKENS.get(role)));
        }
    }

    /** The issuer's keys, as a resource server would fetch them from its JWK set: here, the local RSA key. */
    @TestConfiguration
    static class Issuer {
        @Bean
        JwtDecoder jwtDecoder() throws JOSEException {
            return NimbusJwtDecoder.withPublicKey(ISSUER_KEY.toRSAPublicKey()).build();
        }
    }

    @Test
    void everyEndpointRefusesNoTokenAndTooSmallARoleAndServesTheNeededOne() {
        List<String> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    endpoints.add(method.name() + " " + pattern);
                }
            }
        }
        assertThat(endpoints).as("the scheduler's endpoints").hasSizeGreaterThanOrEqualTo(9);
        assertThat(EXPECTED.keySet()).as("every endpoint has an expected role").containsAll(endpoints);

        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
            ApiRole needed = EXPECTED.get(endpoint);

            HttpResponse<String> anonymous = call(method, path, null, body(endpoint));
            assertRefusal(anonymous, 401, "missing-token");

            HttpResponse<String> forged = call(method, path, "not-a-token", body(endpoint));
            assertRefusal(forged, 401, "invalid-token");

            if (needed.ordinal() > 0) {
                ApiRole below = ApiRole.values()[needed.ordinal() - 1];
                HttpResponse<String> small = call(method, path, TOKENS.get(below), body(endpoint));
                JsonNode problem = assertRefusal(small, 403, "role-too-small");
                assertThat(problem.get("requiredRole").asString()).as(endpoint).isEqualTo(needed.configName());
                assertThat(problem.get("role").asString()).as(endpoint).isEqualTo(below.configName());
                assertThat(problem.get("detail").asString()).contains("needs the role " + needed.configName());
            }
            for (ApiRole role : ApiRole.values()) {
                if (role.compareTo(needed) >= 0) {
                    HttpResponse<String> allowed = call(method, path, TOKENS.get(role), body(endpoint));
                    assertThat(allowed.statusCode())
                            .as(endpoint + " as " + role + ": " + allowed.body())
                            .isNotIn(401, 403);
                }
            }
        }
    }

    @Test
    void healthIsOpenAndEveryOtherActuatorEndpointAsksForAToken() {
        assertThat(call("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
        assertRefusal(call("GET", "/actuator/info", null, null), 401, "missing-token");
        assertThat(call("GET", "/actuator/info", TOKENS.get(ApiRole.VIEWER), null)
                        .statusCode())
                .isEqualTo(200);
        assertRefusal(call("GET", "/no/such/page", null, null), 401, "missing-token");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413WhetherItsLengthIsDeclaredOrNot() {
        String big = "{\"targetId\": \"chinook\", \"label\": \"" + "x".repeat(3000) + "\"}";
        String admin = TOKENS.get(ApiRole.ADMIN);

        assertRefusal(call("POST", "/api/backups", admin, big), 413, "body-too-large");

        HttpResponse<String> chunked = send(authorized(HttpRequest.newBuilder(uri("/api/backups")), admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
                .build());
        assertRefusal(chunked, 413, "body-too-large");

        HttpResponse<String> smallChunked = send(authorized(HttpRequest.newBuilder(uri("/api/backups")), admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream("{\"targetId\": \"chinook\"}".getBytes())))
                .build());
        assertThat(smallChunked.statusCode()).as(smallChunked.body()).isEqualTo(202);
    }

    @Test
    void acceptedAndRefusedStateChangesAreAuditedAndOnlyAnAdminReadsTheLog() {
        Instant since = Instant.now().minusSeconds(1);
        String label = "audit-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1).substring(0, 8);
        HttpResponse<String> accepted = call(
                "POST",
                "/api/backups",
                TOKENS.get(ApiRole.OPERATOR),
                "{\"targetId\": \"chinook\", \"label\": \"" + label + "\"}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(call("POST", "/api/backups", null, "{\"targetId\": \"chinook\"}")
                        .statusCode())
                .isEqualTo(401);
        String refusedPath = "/api/backups/" + UUID.randomUUID() + "/verify";
        assertThat(call("POST", "/api/targets/chinook/restore", TOKENS.get(ApiRole.VIEWER), "{}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("POST", refusedPath, TOKENS.get(ApiRole.OPERATOR), "").statusCode())
                .isEqualTo(404);
        assertThat(call("GET", "/api/backups", TOKENS.get(ApiRole.VIEWER), null).statusCode())
                .isEqualTo(200);

        assertRefusal(call("GET", "/api/audit", TOKENS.get(ApiRole.OPERATOR), null), 403, "role-too-small");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> read =
                    call("GET", "/api/audit?limit=50&since=" + since, TOKENS.get(ApiRole.ADMIN), null);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            List<String> rows = new ArrayList<>();
            for (JsonNode row : json(read).get("items")) {
                rows.add(row.get("caller").asString("-") + " "
                        + row.get("method").asString() + " "
                        + row.get("path").asString() + " " + row.get("targetId").asString("-") + " "
                        + row.get("resourceId").asString("-") + " "
                        + row.get("remoteAddress").asString() + " "
                        + row.get("status").asInt());
                assertThat(row.get("at").asString()).isNotBlank();
            }
            String backupId = json(accepted).get("backupId").asString();
            assertThat(rows)
                    .contains(
                            "it-operator POST /api/backups chinook - 127.0.0.1 202",
                            "- POST /api/backups - - 127.0.0.1 401",
                            "it-viewer POST /api/targets/chinook/restore chinook - 127.0.0.1 403",
                            "it-operator POST " + refusedPath + " - "
                                    + refusedPath.split("/")[3] + " 127.0.0.1 404")
                    .noneMatch(row -> row.contains(" GET "))
                    .noneMatch(row -> row.contains(TOKENS.get(ApiRole.OPERATOR)));
            assertThat(json(call("GET", "/api/backups/" + backupId, TOKENS.get(ApiRole.VIEWER), null))
                            .get("label")
                            .asString())
                    .isEqualTo(label);
        });
        assertThat(call("GET", "/api/audit?limit=0", TOKENS.get(ApiRole.ADMIN), null)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void aJwtOfTheIssuerGetsTheRoleItsClaimMapsToAndAnyOtherJwtIsRefused() throws Exception {
        String operator = jwt(ISSUER_KEY, "alice@example.org", List.of("backup-ops", "unrelated"), 300);
        String viewer = jwt(ISSUER_KEY, "bob@example.org", List.of("backup-readers"), 300);

        HttpResponse<String> requested = call("POST", "/api/backups", operator, "{\"targetId\": \"chinook\"}");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        assertThat(call("GET", "/api/backups", viewer, null).statusCode()).isEqualTo(200);
        JsonNode refused = assertRefusal(
                call("POST", "/api/backups", viewer, "{\"targetId\": \"chinook\"}"), 403, "role-too-small");
        assertThat(refused.get("detail").asString()).contains("'bob@example.org' has the role viewer");

        assertRefusal(
                call("GET", "/api/backups", jwt(OTHER_KEY, "mallory", List.of("backup-ops"), 300), null),
                401,
                "invalid-token");
        assertRefusal(
                call("GET", "/api/backups", jwt(ISSUER_KEY, "alice@example.org", List.of("backup-ops"), -60), null),
                401,
                "invalid-token");
        assertRefusal(
                call("GET", "/api/backups", jwt(ISSUER_KEY, "carol", List.of("admins"), 300), null),
                403,
                "role-too-small");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(call("GET", "/api/audit?limit=200", TOKENS.get(ApiRole.ADMIN), null)
                                .body())
                        .contains("\"caller\":\"alice@example.org\"")
                        .contains("\"caller\":\"bob@example.org\""));
    }

    private static JsonNode assertRefusal(HttpResponse<String> response, int status, String reason) {
        assertThat(response.statusCode())
                .as(response.uri() + ": " + response.body())
                .isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("reason").asString()).isEqualTo(reason);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("instance").asString()).isEqualTo(response.uri().getPath());
        if (status == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
        return problem;
    }

    private static String concrete(String pattern) {
        return pattern.replace("{targetId}", "chinook")
                .replace("{fingerprint}", "0123456789abcdef")
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private static String body(String endpoint) {
        if (endpoint.equals("POST /api/backups")) {
            return "{\"targetId\": \"chinook\"}";
        }
        return endpoint.startsWith("POST ") ? "{}" : null;
    }

    private HttpResponse<String> call(String method, String path, String token, String body) {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(uri(path)), token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return EventJson.mapper().readTree(response.body());
    }

    private static String jwt(RSAKey key, String subject, List<String> roles, long validSeconds) throws JOSEException {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder()
                        .subject(subject)
                        .issuer("https://sso.example.org/realms/ops")
                        .claim("realm_access", Map.of("roles", roles))
                        .issueTime(Date.from(now.minusSeconds(120)))
                        .expirationTime(Date.from(now.plusSeconds(validSeconds)))
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
