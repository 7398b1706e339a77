package io.bulwark.scheduler.application;

/** No configured target and no retained backup knows the key (404). */
public class KeyNotFoundException extends RuntimeException {

    /** @param fingerprint the key asked for */
    public KeyNotFoundException(String fingerprint) {
        super("no configured target and no retained backup uses the key " + fingerprint);
    }
}
