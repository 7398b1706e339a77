package io.bulwark.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.EventJson;
import io.bulwark.service.security.ApiTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The scheduler's REST API over HTTP, for integration tests: requests with an admin's API token ({@link
 * #registerTokens}), JSON bodies and problem assertions.
 */
final class ApiClient {

    /** An admin's API token that {@link #registerTokens} configures. */
    static final String ADMIN_TOKEN = "scheduler-it-admin-token";

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String token;

    /** A client that sends {@link #ADMIN_TOKEN}. */
    ApiClient(int port) {
        this(port, ADMIN_TOKEN);
    }

    /** A client that sends {@code token}, or no token when null. */
    ApiClient(int port, String token) {
        this.port = port;
        this.token = token;
    }

    /** Configures {@link #ADMIN_TOKEN} as the API token of the admin {@code it-admin}. */
    static void registerTokens(DynamicPropertyRegistry registry) {
        registry.add("bulwark.security.tokens[0].name", () -> "it-admin");
        registry.add("bulwark.security.tokens[0].role", () -> "admin");
        registry.add("bulwark.security.tokens[0].sha256", () -> ApiTokens.sha256Hex(ADMIN_TOKEN));
    }

    /** POSTs {@code body} as JSON to {@code path}. */
    HttpResponse<String> post(String path, String body) {
        return send(authorized(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** PUTs {@code body} as JSON to {@code path}. */
    HttpResponse<String> put(String path, String body) {
        return send(authorized(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** DELETEs {@code path}. */
    HttpResponse<String> delete(String path) {
        return send(authorized(HttpRequest.newBuilder(uri(path))).DELETE().build());
    }

    /** GETs {@code path}. */
    HttpResponse<String> get(String path) {
        return send(authorized(HttpRequest.newBuilder(uri(path))).GET().build());
    }

    /** The body of {@code response} as a JSON tree. */
    static JsonNode json(HttpResponse<String> response) {
        return EventJson.mapper().readTree(response.body());
    }

    /**
     * Asserts a problem-details response with {@code status}, naming {@code field} (or no field when null), and
     * returns its detail.
     */
    static String assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(problem.get("field").asString()).as(response.body()).isEqualTo(field);
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
        String detail = problem.get("detail").asString();
        assertThat(detail).isNotBlank();
        return detail;
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
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
}
