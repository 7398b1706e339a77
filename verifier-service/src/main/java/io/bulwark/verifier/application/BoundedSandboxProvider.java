package io.bulwark.verifier.application;

import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.RestoreEngine;
import io.bulwark.pipeline.Inspection;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the sandboxes alive at once in this verifier ({@code bulwark.verifier.max-concurrent-sandboxes}), so that
 * memory and disk stay bounded whatever the number of consumer threads: {@link #start} waits for a permit before it
 * asks the wrapped provider for a sandbox, and the permit is given back when that sandbox is {@linkplain
 * Sandbox#close() closed} (or when none could be started). Counts the sandboxes alive and the most ever alive at once,
 * for the gauges {@code bulwark.verifier.sandboxes.alive} and {@code bulwark.verifier.sandboxes.alive.max}, and logs
 * each start as {@code sandbox started: <n> alive (at most <max>)}. Thread-safe; a waiting thread is woken when a
 * sandbox closes, fairly (first come, first served).
 */
public final class BoundedSandboxProvider implements SandboxProvider {

    private static final Logger log = LoggerFactory.getLogger(BoundedSandboxProvider.class);

    private final SandboxProvider delegate;
    private final int max;
    private final Semaphore permits;
    private final AtomicInteger alive = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    /**
     * @param delegate the provider that starts the sandboxes
     * @param max sandboxes alive at once, at least 1
     * @throws IllegalArgumentException when {@code max} is below 1
     */
    public BoundedSandboxProvider(SandboxProvider delegate, int max) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (max < 1) {
            throw new IllegalArgumentException("max-concurrent-sandboxes must be at least 1 but was " + max);
        }
        this.max = max;
        this.permits = new Semaphore(max, true);
    }

    @Override
    public String kind() {
        return delegate.kind();
    }

    /**
     * Waits until fewer than {@code max} sandboxes are alive, then starts one with the wrapped provider.
     *
     * @throws SandboxException as the wrapped provider throws it (the permit is given back), or when the thread is
     *     interrupted while it waits (not recurring: another attempt may get a permit)
     */
    @Override
    public Sandbox start(SandboxRequest request) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while waiting for a sandbox slot", e);
        }
        Sandbox sandbox;
        try {
            sandbox = delegate.start(request);
        } catch (RuntimeException | Error e) {
            permits.release();
            throw e;
        }
        int now = alive.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        log.info("sandbox started: {} alive (at most {})", now, max);
        return new Counted(sandbox);
    }

    /** Sandboxes alive now, at most {@code max}. */
    public int alive() {
        return alive.get();
    }

    /** The most sandboxes alive at once since this provider was made. */
    public int peak() {
        return peak.get();
    }

    /** The cap, {@code bulwark.verifier.max-concurrent-sandboxes}. */
    public int max() {
        return max;
    }

    /** A started sandbox that gives its permit back once, when first closed. */
    private final class Counted implements Sandbox {

        private final Sandbox sandbox;
        private final AtomicBoolean closed = new AtomicBoolean();

        Counted(Sandbox sandbox) {
            this.sandbox = sandbox;
        }

        @Override
        public String serverVersion() {
            return sandbox.serverVersion();
        }

        @Override
        public ConnectionSpec database() {
            return sandbox.database();
        }

        @Override
        public RestoreEngine restoreEngine() {
            return sandbox.restoreEngine();
        }

        @Override
        public Inspection inspection(String sourceDatabase) {
            return sandbox.inspection(sourceDatabase);
        }

        @Override
        public void close() {
            try {
                sandbox.close();
            } finally {
                if (closed.compareAndSet(false, true)) {
                    alive.decrementAndGet();
                    permits.release();
                }
            }
        }
    }
}
