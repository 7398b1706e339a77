package io.bulwark.scheduler.application;

import java.util.List;
import java.util.UUID;

/** The key is the only key of retained backups: retiring it is refused (409), naming them. */
public class SoleKeyException extends RuntimeException {

    private final String fingerprint;
    private final List<UUID> backups;

    /**
     * @param fingerprint the key
     * @param backups the retained backups only it opens
     */
    public SoleKeyException(String fingerprint, List<UUID> backups) {
        super("the key " + fingerprint + " is the only key of " + backups.size()
                + " retained backup(s); re-encrypt them to another key (./bulwark keys reencrypt) and verify them"
                + " again, or wait until they expire");
        this.fingerprint = fingerprint;
        this.backups = List.copyOf(backups);
    }

    /** The key. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The retained backups only it opens. */
    public List<UUID> backups() {
        return backups;
    }
}
