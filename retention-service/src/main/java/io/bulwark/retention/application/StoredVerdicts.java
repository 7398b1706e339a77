package io.bulwark.retention.application;

import io.bulwark.retention.domain.VerdictAgreement.StoredVerdict;
import java.util.Optional;

/** The verdicts the verifier stored in the bucket ({@code verification.json} in each backup's prefix). */
public interface StoredVerdicts {

    /**
     * The verdict stored in the backup at {@code prefix}.
     *
     * @param prefix the backup's prefix, ending in {@code /}
     * @return empty when there is none, or it is unreadable or too large
     * @throws Unavailable when the store cannot be read now (worth waiting for)
     */
    Optional<StoredVerdict> at(String prefix);

    /** The store cannot be read now. */
    class Unavailable extends RuntimeException {

        /** @param message what failed, naming the key */
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
