package io.bulwark.service.health;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The object store as a health component ({@code objectStore} when registered as the bean {@code
 * objectStoreHealthIndicator}): UP when the bucket exists, DOWN when the store answers that it does not, fails, or
 * does not answer within the timeout. Details: {@code bucket}, and on DOWN {@code error} (the exception's class and
 * message, which name no credential). The probe runs on a virtual thread so that a hung call never holds the
 * caller (an orchestrator's readiness probe) longer than the timeout. Thread-safe.
 */
public final class ObjectStoreHealthIndicator implements HealthIndicator {

    /** The default timeout of one probe. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final String bucket;
    private final BucketProbe probe;
    private final Duration timeout;

    /**
     * @param bucket the bucket's name, reported as a detail
     * @param probe asks the store
     * @param timeout the longest the indicator waits for the probe
     * @throws IllegalArgumentException when {@code timeout} is not positive
     */
    public ObjectStoreHealthIndicator(String bucket, BucketProbe probe, Duration timeout) {
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.probe = Objects.requireNonNull(probe, "probe");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive but was " + timeout);
        }
        this.timeout = timeout;
    }

    /** UP, or DOWN with the reason; never throws. */
    @Override
    public Health health() {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Thread.ofVirtual().name("object-store-health").start(() -> {
            try {
                answer.complete(probe.bucketExists());
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            boolean exists = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (exists) {
                return Health.up().withDetail("bucket", bucket).build();
            }
            return Health.down()
                    .withDetail("bucket", bucket)
                    .withDetail("error", "the bucket does not exist")
                    .build();
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Health.down()
                    .withDetail("bucket", bucket)
                    .withDetail("error", "no answer within " + timeout.toMillis() + " ms")
                    .build();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Health.down()
                    .withDetail("bucket", bucket)
                    .withDetail("error", cause.getClass().getSimpleName() + ": " + cause.getMessage())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down()
                    .withDetail("bucket", bucket)
                    .withDetail("error", "interrupted")
                    .build();
        }
    }
}
