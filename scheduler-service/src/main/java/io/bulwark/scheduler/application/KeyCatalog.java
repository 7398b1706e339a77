package io.bulwark.scheduler.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Port: which keys open which backup (projected from events), and which keys were retired. */
public interface KeyCatalog {

    /**
     * Records the fingerprints {@code backupId}'s artifact is encrypted to, replacing what was recorded.
     *
     * @param learntFrom the event type that said so, e.g. {@code bulwark.backup.verified}
     */
    void saveRecipients(UUID backupId, List<String> recipients, String learntFrom, Instant at);

    /** Every retained backup (stored and not deleted: COMPLETED or a verification state) and its recipients. */
    List<RetainedBackup> retainedBackups();

    /** The retired keys by fingerprint. */
    Map<String, Retirement> retired();

    /** Records {@code fingerprint} as retired (again: the first retirement is kept). */
    void retire(String fingerprint, String by, Instant at);

    /**
     * A retained backup.
     *
     * @param recipients the fingerprints its artifact is encrypted to; null when unknown
     */
    record RetainedBackup(UUID backupId, String targetId, String state, List<String> recipients) {}

    /**
     * @param at when
     * @param by who: the caller's principal name, or {@code api}
     */
    record Retirement(Instant at, String by) {}
}
