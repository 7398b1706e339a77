package io.bulwark.verifier.application;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.Outcome;
import java.time.Duration;
import java.util.List;

/**
 * Port: records what the verifier did, for the operators' metrics. Implementations must be thread-safe and must not
 * throw (a metric is never a reason to fail a verification or a restore).
 */
public interface VerifierMetrics {

    /**
     * A verification ended with a published verdict.
     *
     * @param targetId the target's id
     * @param outcome PASSED, FAILED or ERROR
     * @param duration the whole verification, or null when it was not measured
     * @param restoreDuration the restore into the sandbox, or null when there was none
     * @param checks every check with its status
     */
    void verificationFinished(
            String targetId, Outcome outcome, Duration duration, Duration restoreDuration, List<CheckResult> checks);

    /**
     * A restore (into a real destination, not a verification's sandbox) ended.
     *
     * @param targetId the target's id
     * @param completed true when it completed, false when it failed
     * @param restoreDuration the restore itself, or null when it was not measured (a failed restore)
     */
    void restoreFinished(String targetId, boolean completed, Duration restoreDuration);
}
