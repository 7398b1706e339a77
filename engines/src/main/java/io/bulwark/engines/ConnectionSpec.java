package io.bulwark.engines;

/**
 * How to reach one database, whatever its engine. The password is handed to the engine's tools
 * through their environment or a private option file only; it is never part of a URL, an argument
 * list or {@link #toString()}.
 *
 * @param host host name or IP address
 * @param port TCP port, 1..65535
 * @param database database name (PostgreSQL database, MySQL/MariaDB schema)
 * @param username role or user to connect as
 * @param password the password, or null for password-less authentication (trust, peer, socket)
 */
public record ConnectionSpec(String host, int port, String database, String username, String password) {

    /** @throws IllegalArgumentException naming the field when one is missing or out of range */
    public ConnectionSpec {
        requireText("host", host);
        requireText("database", database);
        requireText("username", username);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535 but was " + port);
        }
    }

    /** This spec for another database on the same server, with the same credentials. */
    public ConnectionSpec withDatabase(String otherDatabase) {
        return new ConnectionSpec(host, port, otherDatabase, username, password);
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    /**
     * Replaces every occurrence of the password in {@code text} with {@code ***}, for messages that
     * come from elsewhere (a tool's stderr, a driver's exception).
     */
    public String redact(String text) {
        if (text == null || password == null || password.isEmpty()) {
            return text;
        }
        return text.replace(password, "***");
    }

    /** Host, port, database and user; never the password. */
    @Override
    public String toString() {
        return "ConnectionSpec[host=" + host + ", port=" + port + ", database=" + database + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
