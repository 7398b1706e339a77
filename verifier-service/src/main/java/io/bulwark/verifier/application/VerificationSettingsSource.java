package io.bulwark.verifier.application;

import io.bulwark.pipeline.rules.VerificationSettings;

/** Each target's verification settings. Thread-safe. */
public interface VerificationSettingsSource {

    /** The settings of {@code targetId}; {@link VerificationSettings#NONE} when it has none. */
    VerificationSettings forTarget(String targetId);
}
