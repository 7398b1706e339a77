package io.bulwark.localstack.cli;

import io.bulwark.contracts.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;

/**
 * Calls one Bulwark service's REST API with {@code Authorization: Bearer <token>} and turns every answer that is not
 * 2xx into a {@link CliException} that names the cause ({@link #failureOf}). Not thread-safe for no reason but
 * simplicity: one per command.
 */
public final class ApiClient {

    private final String baseUrl;
    private final String token;
    private final HttpClient http;

    /**
     * @param baseUrl e.g. {@code http://127.0.0.1:8080}; a trailing slash is dropped
     * @param token the API token, or null to send none (the API then answers 401)
     */
    public ApiClient(String baseUrl, String token) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The base URL calls go to. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * {@code path?name=value&...} with the values URL-encoded; null values are left out.
     *
     * @param path e.g. {@code /api/backups}
     * @param query names and values, in order
     */
    public static String query(String path, Map<String, ?> query) {
        StringJoiner q = new StringJoiner("&");
        query.forEach((name, value) -> {
            if (value != null) {
                q.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            }
        });
        return q.length() == 0 ? path : path + "?" + q;
    }

    /** A map of the pairs {@code name1, value1, name2, value2, ...} in order (values may be null). */
    public static Map<String, Object> params(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** A JSON body of the pairs {@code name1, value1, ...} in order, leaving out null values. */
    public static Map<String, Object> body(Object... pairs) {
        Map<String, Object> map = params(pairs);
        map.values().removeIf(java.util.Objects::isNull);
        return map;
    }

    /**
     * {@code GET path} as JSON.
     *
     * @throws CliException for any answer but 2xx, or when the API cannot be reached
     */
    public JsonNode get(String path) {
        return json(send("GET", path, null, "application/json"));
    }

    /** {@code GET path} as text, accepting {@code accept} (e.g. {@code text/html}). */
    public String getText(String path, String accept) {
        return send("GET", path, null, accept).body();
    }

    /** {@code POST path} with {@code body} as JSON (null: no body); the answer as JSON (null when empty). */
    public JsonNode post(String path, Object body) {
        return json(send("POST", path, body, "application/json"));
    }

    /** {@code PUT path} with {@code body} as JSON; the answer as JSON. */
    public JsonNode put(String path, Object body) {
        return json(send("PUT", path, body, "application/json"));
    }

    /** {@code DELETE path}; the answer as JSON (null when empty, as for 204). */
    public JsonNode delete(String path) {
        return json(send("DELETE", path, null, "application/json"));
    }

    private static JsonNode json(HttpResponse<String> response) {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return EventJson.mapper().readTree(body);
        } catch (RuntimeException e) {
            throw new CliException(
                    CliExit.UNREACHABLE,
                    response.statusCode(),
                    "the API answered something that is not JSON: " + Text.truncate(body.strip(), 200));
        }
    }

    private HttpResponse<String> send(String method, String path, Object body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", accept + ", application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(EventJson.toBytes(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreachable(baseUrl);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliExit.UNREACHABLE, 0, "interrupted while calling " + baseUrl);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("not a usable URL: " + baseUrl + path);
        }
        if (response.statusCode() / 100 != 2) {
            throw failureOf(response.statusCode(), response.body());
        }
        return response;
    }

    /** The failure for a call to {@code url} that got no answer. */
    static CliException unreachable(String url) {
        return new CliException(
                CliExit.UNREACHABLE, 0, "cannot reach the Bulwark API at " + url + ": is `./bulwark up` running?");
    }

    /**
     * The failure for an answer that is not 2xx: 401 and 403 say what to do about the token; any other 4xx shows the
     * problem response's {@code detail} (else its {@code title}, else the body's start), after the name of the
     * request {@code field} it blames when it names one and exits {@link
     * CliExit#REFUSED}; 5xx exits {@link CliExit#UNREACHABLE}.
     *
     * @param status the HTTP status
     * @param body the answer's body, possibly an RFC 9457 problem
     */
    static CliException failureOf(int status, String body) {
        if (status == 401) {
            return new CliException(
                    CliExit.REFUSED,
                    status,
                    "401: the token is missing or expired (set BULWARK_TOKEN or --token-file)");
        }
        if (status == 403) {
            return new CliException(CliExit.REFUSED, status, "403: the token's role is too small for this");
        }
        String cause = problemText(body);
        if (status >= 500) {
            return new CliException(
                    CliExit.UNREACHABLE,
                    status,
                    "the Bulwark API failed (" + status + ")" + (cause.isEmpty() ? "" : ": " + cause));
        }
        return new CliException(CliExit.REFUSED, status, status + ": " + (cause.isEmpty() ? "refused" : cause));
    }

    private static String problemText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode problem = EventJson.mapper().readTree(body);
            JsonNode named = problem.get("field");
            String field = named != null && named.isString() ? named.asString() : "";
            for (String part : new String[] {"detail", "title", "message", "error"}) {
                JsonNode value = problem.get(part);
                if (value != null && value.isString() && !value.asString().isBlank()) {
                    String text = value.asString();
                    return field.isBlank() || text.startsWith(field + ":") ? text : field + ": " + text;
                }
            }
        } catch (RuntimeException e) {
            // not JSON: show its start
        }
        return Text.truncate(body.strip().replaceAll("\\s+", " "), 200);
    }
}
