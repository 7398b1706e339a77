package io.bulwark.dumpworker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link CompilerSettle}'s wait, on a fake compilation-time counter and the real clock. */
class CompilerSettleTest {

    private static final Duration WINDOW = Duration.ofMillis(10);
    private static final Duration POLL = Duration.ofMillis(2);

    private static long monotonicMillis() {
        return System.nanoTime() / 1_000_000;
    }

    @Test
    void waitsWhileTheCompilersWorkAndReturnsOnceAWindowIsQuiet() {
        AtomicInteger reads = new AtomicInteger();
        // 5 ms of compilation per 2 ms poll for the first 20 reads, then nothing.
        boolean settled = CompilerSettle.awaitSettled(
                () -> 5L * Math.min(reads.incrementAndGet(), 20),
                CompilerSettleTest::monotonicMillis,
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
                () -> 5L * reads.incrementAndGet(),
                CompilerSettleTest::monotonicMillis,
                WINDOW,
                POLL,
                Duration.ofMillis(200));

        assertThat(settled).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    @Test
    void neverGivesUpBeforeTheWholeMaxHasPassed() {
        AtomicInteger reads = new AtomicInteger();
        // The clock reads 0 when the wait begins, then exactly max (200), then one millisecond past it. A clock in
        // whole milliseconds that reads 200 may stand at 199.001 ms of real time, so the wait goes on through it.
        Iterator<Long> clock = List.of(0L, 200L, 201L).iterator();

        boolean settled = CompilerSettle.awaitSettled(
                () -> 5L * reads.incrementAndGet(), clock::next, WINDOW, POLL, Duration.ofMillis(200));

        assertThat(settled).isFalse();
        assertThat(reads.get()).isEqualTo(2);
    }

    @Test
    void aQuietJvmStartsAtOnce() {
        AtomicInteger reads = new AtomicInteger();

        boolean settled = CompilerSettle.awaitSettled(
                () -> {
                    reads.incrementAndGet();
                    return 1000L;
                },
                CompilerSettleTest::monotonicMillis,
                WINDOW,
                POLL,
                Duration.ofSeconds(10));

        assertThat(settled).isTrue();
        assertThat(reads.get()).isEqualTo(6);
    }
}
