package io.bulwark.service.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Reads a secret from an environment variable or from a file (its first line, without the line end,
 * as Docker and Kubernetes mount secrets). The variable wins when both are named. Error messages name
 * the variable or the file and the setting, never the secret. Thread-safe.
 */
public final class SecretReader {

    private final Function<String, String> environment;

    /** A reader over {@link System#getenv(String)}. */
    public SecretReader() {
        this(System::getenv);
    }

    /** A reader over {@code environment} (variable name to value, null when unset). */
    public SecretReader(Function<String, String> environment) {
        this.environment = environment;
    }

    /**
     * The secret, or null when neither a variable nor a file is named.
     *
     * @param envVariable name of the environment variable, or null/blank
     * @param file path of the secret file, or null/blank
     * @param setting the setting's name for messages, e.g. {@code password}
     * @throws IllegalStateException when the variable is unset or the file cannot be read
     */
    public String read(String envVariable, String file, String setting) {
        if (envVariable != null && !envVariable.isBlank()) {
            String value = environment.apply(envVariable);
            if (value == null) {
                throw new IllegalStateException(
                        "the environment variable " + envVariable + " (" + setting + "-env) is not set");
            }
            return value;
        }
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            String content = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            int newline = content.indexOf('\n');
            String firstLine = newline >= 0 ? content.substring(0, newline) : content;
            return firstLine.endsWith("\r") ? firstLine.substring(0, firstLine.length() - 1) : firstLine;
        } catch (IOException e) {
            throw new IllegalStateException("the file " + file + " (" + setting + "-file) cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }
}
