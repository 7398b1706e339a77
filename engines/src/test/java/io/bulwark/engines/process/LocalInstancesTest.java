package io.bulwark.engines.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalInstancesTest {

    private final LocalInstances registry = new LocalInstances(false);

    @Test
    void closesAtExitWhatIsRegisteredAndNotForgottenOnce() {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger closedEarly = new AtomicInteger();
        AutoCloseable stillOpen = open::incrementAndGet;
        AutoCloseable closedBefore = closedEarly::incrementAndGet;
        registry.add(stillOpen);
        registry.add(stillOpen);
        registry.add(closedBefore);
        registry.remove(closedBefore);

        registry.closeAll();

        assertThat(open).hasValue(1);
        assertThat(closedEarly).hasValue(0);
        assertThat(registry.size()).isZero();
    }

    @Test
    void refusesInstancesOnceTheJvmExits() {
        registry.closeAll();

        assertThatThrownBy(() -> registry.add(() -> {})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stopsInstancesAtTheSameTimeAndWaitsForAll() {
        CountDownLatch bothClosing = new CountDownLatch(2);
        AtomicInteger sawTheOther = new AtomicInteger();
        AutoCloseable waitsForTheOther = () -> {
            bothClosing.countDown();
            if (bothClosing.await(10, TimeUnit.SECONDS)) {
                Thread.sleep(50);
                sawTheOther.incrementAndGet();
            }
        };
        registry.add(waitsForTheOther);
        registry.add(waitsForTheOther::close);

        registry.closeAll();

        assertThat(sawTheOther)
                .as("both closed at once, and closeAll waited for both")
                .hasValue(2);
    }

    @Test
    void oneInstanceFailingToCloseDoesNotKeepTheOthersRunning() {
        AtomicInteger closed = new AtomicInteger();
        registry.add(() -> {
            throw new IllegalStateException("boom");
        });
        registry.add(closed::incrementAndGet);

        registry.closeAll();

        assertThat(closed).hasValue(1);
    }

    @Test
    void anInstanceMayForgetItselfWhileItIsClosedAtExit() {
        AtomicInteger closed = new AtomicInteger();
        AutoCloseable[] self = new AutoCloseable[1];
        self[0] = () -> {
            registry.remove(self[0]);
            closed.incrementAndGet();
        };
        registry.add(self[0]);

        registry.closeAll();

        assertThat(closed).hasValue(1);
    }
}
