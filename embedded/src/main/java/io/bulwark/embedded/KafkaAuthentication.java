package io.bulwark.embedded;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Who may connect to a {@link KafkaKraftBroker}: SASL/SCRAM-SHA-512 users with their passwords. The admin user is the
 * broker's own (inter-broker and controller connections) and a super user; every other user is allowed only what
 * {@link KafkaAccessControl} grants it. Passwords are held in memory only and never appear in {@link #toString()}.
 *
 * @param adminUser the super user's name, e.g. {@code admin}
 * @param adminPassword its password
 * @param users the other users, name to password (iteration order kept)
 */
public record KafkaAuthentication(String adminUser, String adminPassword, Map<String, String> users) {

    /** The SASL mechanism of every client connection. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    public KafkaAuthentication {
        requireName(adminUser);
        Objects.requireNonNull(adminPassword, "adminPassword");
        users = Map.copyOf(new LinkedHashMap<>(users));
        users.keySet().forEach(KafkaAuthentication::requireName);
        if (users.containsKey(adminUser)) {
            throw new IllegalArgumentException("the admin user " + adminUser + " is listed among the users");
        }
    }

    /**
     * The client properties of {@code user} ({@code security.protocol=SASL_PLAINTEXT}, {@code sasl.mechanism}, {@code
     * sasl.jaas.config}) to add to a producer's, consumer's or admin client's configuration.
     *
     * @param user the admin user or one of {@link #users()}
     * @throws IllegalArgumentException when the user is unknown
     */
    public Map<String, Object> clientProperties(String user) {
        String password = user.equals(adminUser) ? adminPassword : users.get(user);
        if (password == null) {
            throw new IllegalArgumentException("unknown Kafka user " + user);
        }
        return clientProperties(user, password);
    }

    /** The admin user's client properties, see {@link #clientProperties(String)}. */
    public Map<String, Object> adminClientProperties() {
        return clientProperties(adminUser);
    }

    /**
     * Client properties for SCRAM-SHA-512 over SASL_PLAINTEXT with any user and password (also a wrong one).
     *
     * @param user the user name
     * @param password the password
     */
    public static Map<String, Object> clientProperties(String user, String password) {
        return Map.of(
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                MECHANISM,
                "sasl.jaas.config",
                jaasConfig("org.apache.kafka.common.security.scram.ScramLoginModule", user, password));
    }

    /**
     * A {@code sasl.jaas.config} value for {@code loginModule} with quoted, escaped user name and password.
     *
     * @param loginModule the login module class name
     * @param user the user name
     * @param password the password
     */
    static String jaasConfig(String loginModule, String user, String password) {
        return loginModule + " required username=" + quote(user) + " password=" + quote(password) + ";";
    }

    /** A JAAS option value in double quotes, with backslashes and quotes escaped. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void requireName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a Kafka user name is letters, digits, '.', '_' or '-': " + name);
        }
    }

    @Override
    public String toString() {
        return "KafkaAuthentication[adminUser=" + adminUser + ", users=" + users.keySet() + "]";
    }
}
