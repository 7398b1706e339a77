package io.bulwark.localstack.bench;

import io.bulwark.contracts.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Samples a Spring Boot service's heap use every {@value #INTERVAL_MILLIS} ms through its actuator ({@code GET
 * /actuator/metrics/jvm.memory.used?tag=area:heap}, which the service must expose) and keeps the highest value. One
 * sampler measures one stretch of time: {@link #start()} once, then {@link #stop()}. Thread-safe.
 */
final class HeapSampler {

    /** How often the heap is sampled, in milliseconds. */
    static final long INTERVAL_MILLIS = 100;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI uri;
    private final String token;
    private final AtomicLong peakBytes = new AtomicLong(-1);
    private final AtomicInteger samples = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private ScheduledExecutorService timer;

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

    /**
     * What was sampled.
     *
     * @param peakBytes the highest heap use seen, in bytes, or -1 when no sample succeeded
     * @param samples how many samples succeeded
     * @param failures how many requests failed
     */
    record Peak(long peakBytes, int samples, int failures) {

        /** The peak in MB (2^20 bytes). */
        double peakMb() {
            return peakBytes / (1024.0 * 1024.0);
        }
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

    /** Starts sampling every {@value #INTERVAL_MILLIS} ms on a daemon thread. */
    synchronized void start() {
        if (timer != null) {
            throw new IllegalStateException("already started");
        }
        timer = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("heap-sampler").unstarted(r));
        timer.scheduleAtFixedRate(this::sample, 0, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops sampling after one last sample.
     *
     * @return the peak and the number of samples
     */
    synchronized Peak stop() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sample();
        }
        return new Peak(peakBytes.get(), samples.get(), failures.get());
    }

    private void sample() {
        try {
            long bytes = sampleOnce();
            peakBytes.accumulateAndGet(bytes, Math::max);
            samples.incrementAndGet();
        } catch (RuntimeException e) {
            failures.incrementAndGet();
        }
    }
}
