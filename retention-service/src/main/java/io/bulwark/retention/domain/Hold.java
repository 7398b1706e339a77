package io.bulwark.retention.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A hold on a backup: while it stands, the backup is never deleted, neither by a retention policy nor by hand.
 *
 * @param backupId the held backup
 * @param reason why it is held, a person's words: not blank, at most {@value #MAX_REASON} characters
 * @param heldBy who placed it: the caller's principal name
 * @param heldAt when it was placed
 * @param until when it lapses by itself, or null for a hold that stands until it is released
 */
public record Hold(UUID backupId, String reason, String heldBy, Instant heldAt, Instant until) {

    /** The longest reason, in characters. */
    public static final int MAX_REASON = 500;

    /** @throws NullPointerException when a field other than {@code until} is null */
    public Hold {
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(heldBy, "heldBy");
        Objects.requireNonNull(heldAt, "heldAt");
    }

    /** True when the hold still protects the backup at {@code now}: it has no {@code until}, or that is later. */
    public boolean standsAt(Instant now) {
        return until == null || until.isAfter(now);
    }
}
