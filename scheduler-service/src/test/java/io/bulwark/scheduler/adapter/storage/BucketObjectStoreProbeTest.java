package io.bulwark.scheduler.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.service.health.ObjectStoreHealthIndicator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The object store's answer as the OBJECT_STORE_UNREACHABLE rule sees it. */
class BucketObjectStoreProbeTest {

    @Test
    void anAnsweringStoreWithItsBucketIsNoProblem() {
        assertThat(probe(() -> true).problem()).isEmpty();
    }

    @Test
    void aFailingStoreAMissingBucketOrNoAnswerIsAProblemWithItsReason() {
        assertThat(probe(() -> {
                            throw new IllegalStateException("connection refused");
                        })
                        .problem())
                .contains("IllegalStateException: connection refused");
        assertThat(probe(() -> false).problem()).contains("the bucket does not exist");
        assertThat(probe(() -> {
                            try {
                                Thread.sleep(5_000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return true;
                        })
                        .problem())
                .contains("no answer within 200 ms");
    }

    private static BucketObjectStoreProbe probe(io.bulwark.service.health.BucketProbe bucket) {
        return new BucketObjectStoreProbe(new ObjectStoreHealthIndicator("bulwark", bucket, Duration.ofMillis(200)));
    }
}
