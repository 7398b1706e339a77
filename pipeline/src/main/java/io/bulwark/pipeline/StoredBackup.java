package io.bulwark.pipeline;

import io.bulwark.artifacts.Manifest;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.VerificationReport;

/**
 * A backup as the object store holds it: its prefix, its manifest, and its verification report when there is one.
 *
 * @param prefix the backup's object-key prefix, ending in {@code /}
 * @param manifest the manifest (a backup exists only when it does)
 * @param verification the stored {@code verification.json} of this backup, null when it was never verified
 */
public record StoredBackup(String prefix, Manifest manifest, VerificationReport verification) {

    /** The verification's outcome, null when the backup was never verified. */
    public Outcome verificationOutcome() {
        return verification == null ? null : verification.outcome();
    }

    /** True when the backup was verified and PASSED: VERIFIED. */
    public boolean verified() {
        return verificationOutcome() == Outcome.PASSED;
    }
}
