package io.bulwark.dumpworker.application;

import io.bulwark.dumpworker.domain.PasswordSource;

/** Turns a {@link PasswordSource} into the password. Thread-safe. */
public interface PasswordResolver {

    /**
     * The password, or null when {@code source} names none.
     *
     * @throws IllegalStateException when the named variable is unset or the file cannot be read; the
     *     message names the variable or file, never a password
     */
    String resolve(PasswordSource source);
}
