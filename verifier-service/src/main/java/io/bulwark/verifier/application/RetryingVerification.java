package io.bulwark.verifier.application;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.Outcome;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies again, after an exponential backoff (Resilience4j), while a verification ends ERROR (no
 * verdict: the sandbox did not start, the object store could not be read), up to a number of
 * attempts; then publishes the last result only. Each ERROR attempt is logged. PASSED and FAILED are
 * published at once: a FAILED backup is not retried, and an ERROR is never turned into FAILED.
 *
 * <p>The attempts must not publish themselves (give {@link VerifyBackup} a publisher that drops its
 * result); this class publishes. Thread-safe; the calling thread waits out the backoff.
 */
public final class RetryingVerification implements Verification {

    private static final Logger log = LoggerFactory.getLogger(RetryingVerification.class);

    private final Attempts attempt;
    private final VerificationPublisher publisher;
    private final int attempts;
    private final RetryConfig config;

    /**
     * One attempt of a verification, saying whether another is worth making; {@link VerifyBackup#attempt} is one.
     */
    @FunctionalInterface
    public interface Attempts {

        /**
         * @throws io.bulwark.contracts.InvalidEventException when the event lacks a field a verification needs
         */
        VerifyBackup.Attempt attempt(BackupCompleted event, boolean again);
    }

    /**
     * Retries the ERRORs of {@code attempt} that are {@linkplain VerifyBackup.Attempt#worthRetrying() worth
     * retrying}; an ERROR that would end the same way again (the verifier's own configuration) is published at once.
     *
     * @param attempt one verification, which publishes nothing
     * @param publisher where the final result goes
     * @param attempts attempts in all, at least 1
     * @param initialBackoff wait before the second attempt, doubled each time, positive
     * @param maxBackoff the longest wait between attempts, at least {@code initialBackoff}
     */
    public RetryingVerification(
            Attempts attempt,
            VerificationPublisher publisher,
            int attempts,
            Duration initialBackoff,
            Duration maxBackoff) {
        this.attempt = Objects.requireNonNull(attempt, "attempt");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1 but was " + attempts);
        }
        this.attempts = attempts;
        this.config = RetryConfig.<VerifyBackup.Attempt>custom()
                .maxAttempts(attempts)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(initialBackoff, 2.0, maxBackoff))
                .retryOnResult(VerifyBackup.Attempt::worthRetrying)
                .retryOnException(thrown -> false)
                .failAfterMaxAttempts(false)
                .build();
    }

    /**
     * Verifies {@code event}, again while the result is ERROR, and publishes the last result.
     *
     * @return the event published
     * @throws io.bulwark.contracts.InvalidEventException from the first attempt, not retried
     * @throws RuntimeException from the publisher when the result cannot be published
     */
    @Override
    public BackupVerified handle(BackupCompleted event, boolean again) {
        Retry retry = Retry.of("verify-" + event.backupId(), config);
        retry.getEventPublisher()
                .onRetry(e -> log.info(
                        "verifying backup {} of {} again in {} ms (attempt {} of {})",
                        event.backupId(),
                        event.targetId(),
                        e.getWaitInterval().toMillis(),
                        e.getNumberOfRetryAttempts() + 1,
                        attempts));
        int[] attempt = {0};
        VerifyBackup.Attempt last = retry.executeSupplier(() -> {
            attempt[0]++;
            VerifyBackup.Attempt result = this.attempt.attempt(event, again);
            BackupVerified verified = result.verified();
            if (verified.outcome() == Outcome.ERROR) {
                log.warn(
                        "verification of backup {} of {} ended ERROR (attempt {} of {}{}): {}",
                        event.backupId(),
                        event.targetId(),
                        attempt[0],
                        attempts,
                        result.notWorthRetrying() == null ? "" : "; not retried: " + result.notWorthRetrying(),
                        problems(verified));
            }
            return result;
        });
        publisher.publish(last.verified());
        return last.verified();
    }

    private static String problems(BackupVerified verified) {
        if (verified.checks() == null) {
            return "";
        }
        return String.join(
                "; ",
                verified.checks().stream()
                        .filter(c -> c.status() == CheckStatus.FAILED)
                        .map(c -> c.name() + ": " + c.detail())
                        .toList());
    }
}
