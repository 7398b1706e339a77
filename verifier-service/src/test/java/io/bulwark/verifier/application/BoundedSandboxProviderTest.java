package io.bulwark.verifier.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.RestoreEngine;
import io.bulwark.pipeline.Inspection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedSandboxProviderTest {

    private static final SandboxProvider.SandboxRequest REQUEST =
            new SandboxProvider.SandboxRequest("postgresql", "db");

    /** Starts sandboxes that count their closes. */
    static final class Counting implements SandboxProvider {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        volatile RuntimeException failure;

        @Override
        public String kind() {
            return "test";
        }

        @Override
        public Sandbox start(SandboxRequest request) {
            if (failure != null) {
                throw failure;
            }
            started.incrementAndGet();
            return new Sandbox() {
                @Override
                public String serverVersion() {
                    return "17.0";
                }

                @Override
                public ConnectionSpec database() {
                    return null;
                }

                @Override
                public RestoreEngine restoreEngine() {
                    return null;
                }

                @Override
                public Inspection inspection(String sourceDatabase) {
                    return null;
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }
    }

    @Test
    void aThirdSandboxWaitsUntilOneOfTwoIsClosedAndTheCountsFollow() throws Exception {
        Counting delegate = new Counting();
        BoundedSandboxProvider bounded = new BoundedSandboxProvider(delegate, 2);
        Sandbox first = bounded.start(REQUEST);
        Sandbox second = bounded.start(REQUEST);
        assertThat(bounded.alive()).isEqualTo(2);

        CompletableFuture<Sandbox> third = CompletableFuture.supplyAsync(() -> bounded.start(REQUEST));
        assertThat(third)
                .as("a third sandbox while two are alive")
                .failsWithin(300, TimeUnit.MILLISECONDS)
                .withThrowableOfType(java.util.concurrent.TimeoutException.class);
        assertThat(delegate.started).hasValue(2);
        first.close();
        first.close();
        Sandbox started = third.get(10, TimeUnit.SECONDS);

        assertThat(started.serverVersion()).isEqualTo("17.0");
        assertThat(bounded.alive())
                .as("alive after a double close and a new start")
                .isEqualTo(2);
        assertThat(bounded.peak()).isEqualTo(2);
        assertThat(delegate.closed).as("closes reaching the sandbox").hasValue(2);
        second.close();
        started.close();
        assertThat(bounded.alive()).isZero();
        assertThat(bounded.kind()).isEqualTo("test");
    }

    @Test
    void aSandboxThatCannotStartGivesItsSlotBack() {
        Counting delegate = new Counting();
        BoundedSandboxProvider bounded = new BoundedSandboxProvider(delegate, 1);
        delegate.failure = new SandboxException("no initdb", null, true);
        assertThatThrownBy(() -> bounded.start(REQUEST)).isSameAs(delegate.failure);
        delegate.failure = null;

        try (Sandbox sandbox = bounded.start(REQUEST)) {
            assertThat(bounded.alive()).isEqualTo(1);
        }
        assertThat(bounded.alive()).isZero();
        assertThat(bounded.peak()).isEqualTo(1);
    }

    @Test
    void aCapBelowOneIsRefused() {
        assertThatThrownBy(() -> new BoundedSandboxProvider(new Counting(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-concurrent-sandboxes");
    }
}
