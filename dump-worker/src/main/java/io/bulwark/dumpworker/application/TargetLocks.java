package io.bulwark.dumpworker.application;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per target, so that one worker never dumps a target twice at once (a request delivered
 * again after a consumer-group rebalance while the first delivery still runs). Across workers the
 * Kafka key does the same: every request of a target lands on one partition, which one consumer
 * thread owns. Thread-safe.
 */
public final class TargetLocks {

    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** A held lock; closing it releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits up to {@code timeoutMillis} for the lock of {@code targetId}.
     *
     * @return the held lock, or null when it was not free in time
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public Held tryLock(String targetId, long timeoutMillis) throws InterruptedException {
        ReentrantLock lock = locks.computeIfAbsent(targetId, id -> new ReentrantLock());
        if (!lock.tryLock(timeoutMillis, TimeUnit.MILLISECONDS)) {
            return null;
        }
        return lock::unlock;
    }

    /** True when a dump of {@code targetId} runs in this worker now. */
    public boolean isBusy(String targetId) {
        ReentrantLock lock = locks.get(targetId);
        return lock != null && lock.isLocked();
    }
}
