package io.bulwark.notifier.config;

import io.bulwark.notifier.application.DeliverNotifications;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link DeliverNotifications#deliverDue} on one thread: every {@code pollInterval}, and right after a
 * notification was recorded ({@link #wake}). Runs that pile up are coalesced; a failed run (the database is down) is
 * logged and the next one tries again. Stopped before the datasource closes, waiting for the pass under way.
 */
final class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliverNotifications deliver;
    private final Duration pollInterval;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    DeliveryWorker(DeliverNotifications deliver, Duration pollInterval) {
        this.deliver = deliver;
        this.pollInterval = pollInterval;
    }

    /** Asks for a pass soon; does nothing while one is queued or the worker is stopped. Never throws. */
    void wake() {
        ScheduledExecutorService e = executor;
        if (e != null && queued.compareAndSet(false, true)) {
            try {
                e.execute(this::pass);
            } catch (RuntimeException rejected) {
                queued.set(false);
            }
        }
    }

    private void pass() {
        queued.set(false);
        try {
            int attempted;
            do {
                attempted = deliver.deliverDue();
            } while (attempted > 0 && !Thread.currentThread().isInterrupted() && executor != null);
        } catch (RuntimeException e) {
            log.warn("Delivery pass failed, trying again in {}: {}", pollInterval, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("notifier-delivery").daemon(true).factory());
            executor.scheduleWithFixedDelay(this::pass, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService e = executor;
        executor = null;
        if (e != null) {
            e.shutdown();
            try {
                if (!e.awaitTermination(30, TimeUnit.SECONDS)) {
                    e.shutdownNow();
                }
            } catch (InterruptedException interrupted) {
                e.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
