package io.bulwark.retention.adapter.scheduling;

import io.bulwark.retention.application.CopyBackups;
import io.bulwark.retention.application.ExpireCopies;
import io.bulwark.retention.domain.CatalogedBackup;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The copy job: one thread that makes copies ({@link CopyBackups#copyDue}) every {@code bulwark.copies.retry-interval}
 * (first one second after start-up, so copies left PENDING or FAILED by a stop catch up) and right after a verified
 * backup is enqueued, and applies the copy stores' retention ({@link ExpireCopies#expireAll}) every {@code
 * bulwark.retention.sweep-interval}. Running both on one thread means a copy is never attempted twice at once and never
 * removed while it is being made. Does nothing when no copy store is enabled. Thread-safe.
 */
public final class CopyJob implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CopyJob.class);

    private final CopyBackups copyBackups;
    private final ExpireCopies expireCopies;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean copyQueued = new AtomicBoolean();

    /**
     * Starts the job.
     *
     * @param retryInterval the pause between copy runs
     * @param sweepInterval the pause between retention runs over the copy stores
     */
    public CopyJob(CopyBackups copyBackups, ExpireCopies expireCopies, Duration retryInterval, Duration sweepInterval) {
        this.copyBackups = copyBackups;
        this.expireCopies = expireCopies;
        this.executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("bulwark-copies").daemon(true).factory());
        if (copyBackups.enabled()) {
            executor.scheduleWithFixedDelay(this::copy, 1_000, retryInterval.toMillis(), TimeUnit.MILLISECONDS);
            executor.scheduleWithFixedDelay(
                    this::expire, sweepInterval.toMillis(), sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Records the copies of {@code backup} (when its verification PASSED and a copy store is enabled) and wakes the
     * job.
     *
     * @throws RuntimeException when the copy catalog cannot be written (the event is then retried by the binder)
     */
    public void request(CatalogedBackup backup) {
        if (copyBackups.enqueue(backup)) {
            trigger();
        }
    }

    /** Runs the copy job soon, once, unless a run is queued already. */
    public void trigger() {
        if (copyQueued.compareAndSet(false, true)) {
            executor.execute(this::copy);
        }
    }

    /** Runs the copy stores' retention now and waits for it (operators, tests). */
    public void expireNow() throws Exception {
        executor.submit(this::expire).get();
    }

    private void copy() {
        copyQueued.set(false);
        try {
            int copied = copyBackups.copyDue().size();
            if (copied > 0) {
                log.info("Copy job done: {} backups copied", copied);
            }
        } catch (RuntimeException e) {
            log.error("Copy job failed; next try at the next interval: {}", e.toString());
        }
    }

    private void expire() {
        try {
            int removed = expireCopies.expireAll().size();
            log.info("Copy retention done: {} copies removed", removed);
        } catch (RuntimeException e) {
            log.error("Copy retention failed; next try at the next sweep: {}", e.toString());
        }
    }

    /** Stops the job; a run in progress is interrupted. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
