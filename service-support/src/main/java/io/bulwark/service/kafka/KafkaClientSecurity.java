package io.bulwark.service.kafka;

import io.bulwark.service.secrets.SecretReader;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A service's Kafka credentials and the client properties they make: SASL with a SCRAM (or PLAIN) mechanism over
 * PLAINTEXT, or over TLS ({@code SASL_SSL}) when {@code tls} is set, optionally trusting the certificates of a trust
 * store file. The password is read from a file or an environment variable ({@link SecretReader}), held in memory and
 * never printed: {@link #toString()} leaves it out, and Kafka's own configuration logging hides {@code
 * sasl.jaas.config}. Immutable.
 *
 * @param username the SASL user, e.g. {@code dump-worker}
 * @param password its password
 * @param mechanism {@code SCRAM-SHA-512} (the default), {@code SCRAM-SHA-256} or {@code PLAIN}
 * @param tls true connects with TLS ({@code SASL_SSL}), false without ({@code SASL_PLAINTEXT})
 * @param truststoreFile a PEM ({@code .pem}, {@code .crt}) or PKCS12 file of the CA certificates to trust with TLS, or
 *     null for the JVM's default trust store
 */
public record KafkaClientSecurity(
        String username, String password, String mechanism, boolean tls, String truststoreFile) {

    /** The prefix of the settings this class reads. */
    public static final String PREFIX = "bulwark.kafka.";

    /** The mechanism when none is configured. */
    public static final String DEFAULT_MECHANISM = "SCRAM-SHA-512";

    private static final Set<String> MECHANISMS = Set.of("SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN");

    public KafkaClientSecurity {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("bulwark.kafka.username is empty");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException(
                    "bulwark.kafka.username is set but no password: set bulwark.kafka.password-file or password-env");
        }
        mechanism = mechanism == null || mechanism.isBlank()
                ? DEFAULT_MECHANISM
                : mechanism.strip().toUpperCase(Locale.ROOT);
        if (!MECHANISMS.contains(mechanism)) {
            throw new IllegalArgumentException(
                    "bulwark.kafka.mechanism must be one of " + MECHANISMS + ", not " + mechanism);
        }
        if (truststoreFile != null && truststoreFile.isBlank()) {
            truststoreFile = null;
        }
    }

    /**
     * The credentials configured under {@code bulwark.kafka.*}, or null when {@code bulwark.kafka.username} is not
     * set (the services then connect without authentication).
     *
     * @param settings setting name to value (null when unset), e.g. {@code Environment::getProperty}
     * @param secrets reads {@code password-env} or {@code password-file}
     * @throws IllegalStateException when the password variable is unset or its file unreadable
     * @throws IllegalArgumentException when a user has no password or the mechanism is unknown
     */
    public static KafkaClientSecurity from(Function<String, String> settings, SecretReader secrets) {
        String username = settings.apply(PREFIX + "username");
        if (username == null || username.isBlank()) {
            return null;
        }
        String password = secrets.read(
                settings.apply(PREFIX + "password-env"),
                settings.apply(PREFIX + "password-file"),
                "bulwark.kafka.password");
        return new KafkaClientSecurity(
                username.strip(),
                password,
                settings.apply(PREFIX + "mechanism"),
                Boolean.parseBoolean(settings.apply(PREFIX + "tls")),
                settings.apply(PREFIX + "truststore-file"));
    }

    /**
     * The Kafka client properties ({@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config} and,
     * with a trust store, {@code ssl.truststore.location} and {@code ssl.truststore.type}), the same for producers,
     * consumers and admin clients.
     */
    public Map<String, String> clientProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("security.protocol", tls ? "SASL_SSL" : "SASL_PLAINTEXT");
        p.put("sasl.mechanism", mechanism);
        String module = mechanism.equals("PLAIN")
                ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        p.put(
                "sasl.jaas.config",
                module + " required username=" + quote(username) + " password=" + quote(password) + ";");
        if (truststoreFile != null) {
            p.put("ssl.truststore.location", truststoreFile);
            String lower = truststoreFile.toLowerCase(Locale.ROOT);
            p.put("ssl.truststore.type", lower.endsWith(".pem") || lower.endsWith(".crt") ? "PEM" : "PKCS12");
        }
        return p;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public String toString() {
        return "KafkaClientSecurity[username=" + username + ", mechanism=" + mechanism + ", tls=" + tls
                + ", truststoreFile=" + truststoreFile + "]";
    }
}
