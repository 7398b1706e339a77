package io.bulwark.dumpworker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link CompilerSettle}'s wait, on a fake compilation-time counter and the real clock. */
class CompilerSettleTest {

    private static final Duration WINDOW = Duration.ofMillis(10);
    private static final Duration POLL = Duration.ofMillis(2);

    @Test
    void waitsWhileTheCompilersWorkAndReturnsOnceAWindowIsQuiet() {
        AtomicInteger reads = new AtomicInteger();
        // 5 ms of compilation per 2 ms poll for the first 20 reads, then nothing.
        boolean settled = CompilerSettle.awaitSettled(
                () -> 5L * Math.min(reads.incrementAndGet(), 20),
                System::currentTimeMillis,
                WINDOW,
                POLL,
                Duration.ofSeconds(10));

        assertThat(settled).isTrue();
        assertThat(reads.get()).isEqualTo(25);
    }

    @Test
    void givesUpAfterMaxWhenTheCompilersNeverSettle() {
        AtomicInteger reads = new AtomicInteger();
        long started = System.nanoTime();

        boolean settled = CompilerSettle.awaitSettled(
                () -> 5L * reads.incrementAndGet(), System::currentTimeMillis, WINDOW, POLL, Duration.ofMillis(200));

        assertThat(settled).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    @Test
    void aQuietJvmStartsAtOnce() {
        AtomicInteger reads = new AtomicInteger();

        boolean settled = CompilerSettle.awaitSettled(
                () -> {
                    reads.incrementAndGet();
                    return 1000L;
                },
                System::currentTimeMillis,
                WINDOW,
                POLL,
                Duration.ofSeconds(10));

        assertThat(settled).isTrue();
        assertThat(reads.get()).isEqualTo(6);
    }
}
