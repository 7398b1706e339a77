package io.bulwark.retention.application;

import java.time.Instant;

/**
 * S3 Object Lock on the objects of a backup: a second line of protection, in the store itself, behind the holds in
 * the catalog. Implementations are thread-safe.
 */
public interface ObjectLocks {

    /** What a lock or unlock did. */
    enum Outcome {
        /** Every object of the backup was locked or unlocked. */
        APPLIED,
        /** Object Lock is switched off ({@code bulwark.retention.object-lock.mode: OFF}); nothing was asked. */
        OFF,
        /** The store does not implement Object Lock (S3 answered 501 or "not supported"); nothing changed there. */
        UNSUPPORTED
    }

    /** Object Lock switched off: every call answers {@link Outcome#OFF}. */
    ObjectLocks NONE = new ObjectLocks() {
        @Override
        public Outcome lock(String prefix, Instant until) {
            return Outcome.OFF;
        }

        @Override
        public Outcome unlock(String prefix, Instant until) {
            return Outcome.OFF;
        }
    };

    /**
     * Locks every object under {@code prefix}: a legal hold when {@code until} is null, a retention date of {@code
     * until} otherwise.
     *
     * @throws RuntimeException when the store cannot be reached or refuses for another reason than lacking Object
     *     Lock
     */
    Outcome lock(String prefix, Instant until);

    /**
     * Undoes {@link #lock}: clears the legal hold, or the retention date where the mode allows it (governance
     * bypass); a compliance-mode date cannot be shortened and stays until it passes.
     *
     * @param until the {@code until} the lock was placed with, or null
     * @throws RuntimeException when the store cannot be reached or refuses for another reason than lacking Object
     *     Lock
     */
    Outcome unlock(String prefix, Instant until);
}
