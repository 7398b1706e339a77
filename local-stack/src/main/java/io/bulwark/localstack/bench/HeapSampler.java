package io.bulwark.localstack.bench;

import io.bulwark.contracts.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Spring Boot service's heap use through its actuator ({@code GET
 * /actuator/metrics/jvm.memory.used?tag=area:heap}, which the service must expose), one request at a time and only when
 * asked: the capture benchmark reads it between captures, never during one, because every request costs the service
 * CPU (HTTP, security filters, the metrics registry) on the cores the capture needs. Thread-safe.
 */
final class HeapSampler {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI uri;
    private final String token;

    /**
     * A sampler of the service listening on {@code port} of 127.0.0.1.
     *
     * @param port the service's {@code server.port}
     * @param token an API token (viewer suffices) the metrics endpoint accepts
     */
    HeapSampler(int port, String token) {
        this.uri = metricsUri(port);
        this.token = token;
    }

    /** Bytes as MB (2^20 bytes). */
    static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** {@code http://127.0.0.1:<port>/actuator/metrics/jvm.memory.used?tag=area:heap}. */
    static URI metricsUri(int port) {
        return URI.create("http://127.0.0.1:" + port + "/actuator/metrics/jvm.memory.used?tag=area:heap");
    }

    /**
     * Reads the heap in use from the metrics endpoint's answer: the {@code VALUE} measurement of {@code
     * {"name":"jvm.memory.used","measurements":[{"statistic":"VALUE","value":5.1E7}],...}}.
     *
     * @param json the response body
     * @return bytes in use, or empty when the body holds no VALUE measurement
     */
    static OptionalLong heapUsedBytes(String json) {
        JsonNode measurements = EventJson.mapper().readTree(json).path("measurements");
        for (JsonNode m : measurements) {
            if ("VALUE".equals(m.path("statistic").asString())
                    && m.path("value").isNumber()) {
                return OptionalLong.of(Math.round(m.path("value").asDouble()));
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Takes one sample now.
     *
     * @return bytes of heap in use
     * @throws IllegalStateException when the endpoint does not answer 200 with a VALUE measurement, naming the URL and
     *     the status
     */
    long sampleOnce() {
        HttpResponse<String> r;
        try {
            r = HTTP.send(
                    HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sampling " + uri, e);
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + r.statusCode()
                    + " (is the metrics endpoint exposed: management.endpoints.web.exposure.include?)");
        }
        return heapUsedBytes(r.body())
                .orElseThrow(() -> new IllegalStateException("GET " + uri + " answered without a VALUE: " + r.body()));
    }
}
