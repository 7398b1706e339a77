package io.bulwark.verifier.application;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupVerified;

/**
 * One verification of a stored backup, as {@link VerifyBackup#attempt(BackupCompleted, boolean)}
 * does it: with {@code again}, verifies anew even when an earlier verdict exists.
 */
@FunctionalInterface
public interface Verification {

    /**
     * @return the verdict
     * @throws io.bulwark.contracts.InvalidEventException when the event lacks a field a verification
     *     needs
     */
    BackupVerified handle(BackupCompleted event, boolean again);
}
