package io.bulwark.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.ObjectStoreSettings;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class ObjectStoreHealthIndicatorTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    @Test
    void upWhenTheBucketExists() {
        Health health = new ObjectStoreHealthIndicator("bulwark", () -> true, TIMEOUT).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("bucket", "bulwark");
    }

    @Test
    void downWhenTheBucketDoesNotExist() {
        Health health = new ObjectStoreHealthIndicator("bulwark", () -> false, TIMEOUT).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "the bucket does not exist");
    }

    @Test
    void downWithTheErrorWhenTheProbeFails() {
        Health health = new ObjectStoreHealthIndicator(
                        "bulwark",
                        () -> {
                            throw new IllegalStateException("connection refused");
                        },
                        TIMEOUT)
                .health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "IllegalStateException: connection refused");
    }

    @Test
    void downWithinTheTimeoutWhenTheStoreDoesNotAnswer() {
        CountDownLatch never = new CountDownLatch(1);
        long started = System.nanoTime();

        Health health = new ObjectStoreHealthIndicator(
                        "bulwark",
                        () -> {
                            try {
                                never.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return true;
                        },
                        TIMEOUT)
                .health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "no answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        never.countDown();
    }

    @Test
    void downWhenTheRealStoreIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ObjectStoreSettings settings =
                ObjectStoreSettings.of("http://127.0.0.1:" + closedPort, "access", "secret-never-shown", "bulwark");
        MinioBucketProbe probe = new MinioBucketProbe(settings, Duration.ofSeconds(1));

        Health health = new ObjectStoreHealthIndicator("bulwark", probe, Duration.ofSeconds(3)).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(String.valueOf(health.getDetails().get("error"))).doesNotContain("secret-never-shown");
    }
}
