package io.bulwark.dumpworker.config;

import io.bulwark.dumpworker.application.PasswordResolver;
import io.bulwark.dumpworker.domain.PasswordSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Reads passwords from the process environment ({@code password-env}) or a secret file ({@code
 * password-file}, first line, as Docker and Kubernetes secrets are mounted). The variable wins when
 * both are named.
 */
public final class EnvironmentPasswordResolver implements PasswordResolver {

    private final Function<String, String> environment;

    /** A resolver over {@link System#getenv(String)}. */
    public EnvironmentPasswordResolver() {
        this(System::getenv);
    }

    /** A resolver over {@code environment} (variable name to value, null when unset). */
    public EnvironmentPasswordResolver(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String resolve(PasswordSource source) {
        if (source == null || source.isNone()) {
            return null;
        }
        if (source.envVariable() != null && !source.envVariable().isBlank()) {
            String value = environment.apply(source.envVariable());
            if (value == null) {
                throw new IllegalStateException(
                        "the environment variable " + source.envVariable() + " (password-env) is not set");
            }
            return value;
        }
        try {
            String content = Files.readString(Path.of(source.file()), StandardCharsets.UTF_8);
            int newline = content.indexOf('\n');
            String firstLine = newline >= 0 ? content.substring(0, newline) : content;
            return firstLine.endsWith("\r") ? firstLine.substring(0, firstLine.length() - 1) : firstLine;
        } catch (IOException e) {
            throw new IllegalStateException("the password file " + source.file() + " (password-file) cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }
}
