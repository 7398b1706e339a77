package io.bulwark.dumpworker.config;

import io.bulwark.dumpworker.application.PasswordResolver;
import io.bulwark.dumpworker.domain.PasswordSource;
import io.bulwark.service.secrets.SecretReader;
import java.util.function.Function;

/**
 * Reads passwords from the process environment ({@code password-env}) or a secret file ({@code
 * password-file}, first line, as Docker and Kubernetes secrets are mounted), through {@link
 * SecretReader}. The variable wins when both are named.
 */
public final class EnvironmentPasswordResolver implements PasswordResolver {

    private final SecretReader reader;

    /** A resolver over {@link System#getenv(String)}. */
    public EnvironmentPasswordResolver() {
        this(System::getenv);
    }

    /** A resolver over {@code environment} (variable name to value, null when unset). */
    public EnvironmentPasswordResolver(Function<String, String> environment) {
        this.reader = new SecretReader(environment);
    }

    @Override
    public String resolve(PasswordSource source) {
        if (source == null || source.isNone()) {
            return null;
        }
        return reader.read(source.envVariable(), source.file(), "password");
    }
}
