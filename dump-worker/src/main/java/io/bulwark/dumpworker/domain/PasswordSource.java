package io.bulwark.dumpworker.domain;

/**
 * Where a target's password comes from: an environment variable, a file (first line), or nowhere
 * (trust, peer or {@code .pgpass} authentication). Never holds the password itself.
 *
 * @param envVariable name of the environment variable, or null
 * @param file path of the secret file, or null
 */
public record PasswordSource(String envVariable, String file) {

    /** No password. */
    public static final PasswordSource NONE = new PasswordSource(null, null);

    /** True when neither a variable nor a file is named. */
    public boolean isNone() {
        return (envVariable == null || envVariable.isBlank()) && (file == null || file.isBlank());
    }
}
