package io.bulwark.dumpworker.domain;

import io.bulwark.contracts.Ids;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A database the worker may dump, as configured; holds references to secrets, never a secret.
 *
 * @param id target id, {@link Ids#SAFE_ID}
 * @param engine {@value #POSTGRESQL} or {@value #MARIADB} ({@code postgres} and {@code mysql} are
 *     read as aliases)
 * @param host host name or address
 * @param port TCP port
 * @param database database name
 * @param username role or user to connect as
 * @param password where the password comes from
 * @param dumpTimeout how long one dump may take before the tool is killed with its children
 * @param selection which schemas and tables to dump
 * @param compression {@code zstd} or {@code gzip}
 * @param compressionLevel the compression level (zstd 1..19, gzip 1..9), or 0 for the worker's default
 * @param encryption OpenPGP encryption of the artifact, or {@link Encryption#NONE}
 */
public record DumpTarget(
        String id,
        String engine,
        String host,
        int port,
        String database,
        String username,
        PasswordSource password,
        Duration dumpTimeout,
        Selection selection,
        String compression,
        int compressionLevel,
        Encryption encryption) {

    /** The engine name of PostgreSQL targets. */
    public static final String POSTGRESQL = "postgresql";

    /** The engine name of MySQL and MariaDB targets. */
    public static final String MARIADB = "mariadb";

    public DumpTarget {
        Ids.requireSafe("targetId", id);
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(dumpTimeout, "dumpTimeout");
        engine = normalizeEngine(engine);
        selection = selection == null ? Selection.EVERYTHING : selection;
        compression = compression == null || compression.isBlank() ? "zstd" : compression.toLowerCase(Locale.ROOT);
        encryption = encryption == null ? Encryption.NONE : encryption;
    }

    /** A PostgreSQL or MariaDB target that dumps everything, zstd at the default level, unencrypted. */
    public DumpTarget(
            String id,
            String engine,
            String host,
            int port,
            String database,
            String username,
            PasswordSource password,
            Duration dumpTimeout) {
        this(id, engine, host, port, database, username, password, dumpTimeout, null, null, 0, null);
    }

    /**
     * The canonical engine name of {@code engine}: {@value #POSTGRESQL} for {@code postgresql}/{@code
     * postgres}, {@value #MARIADB} for {@code mariadb}/{@code mysql}; anything else is returned in
     * lower case (and rejected when the target is dumped).
     */
    public static String normalizeEngine(String engine) {
        if (engine == null || engine.isBlank()) {
            return POSTGRESQL;
        }
        String lower = engine.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "postgres", POSTGRESQL -> POSTGRESQL;
            case "mysql", MARIADB -> MARIADB;
            default -> lower;
        };
    }

    /** The default port of {@code engine}: 5432 for PostgreSQL, 3306 for MySQL/MariaDB. */
    public static int defaultPort(String engine) {
        return MARIADB.equals(normalizeEngine(engine)) ? 3306 : 5432;
    }

    /** True for a PostgreSQL target. */
    public boolean isPostgres() {
        return POSTGRESQL.equals(engine);
    }

    /**
     * Which schemas and tables to dump (exact names; see {@code io.bulwark.engines.DumpOptions}).
     *
     * @param includeSchemas only these schemas (PostgreSQL)
     * @param excludeSchemas not these schemas (PostgreSQL)
     * @param includeTables only these tables ({@code schema.table} on PostgreSQL, {@code table} on MySQL)
     * @param excludeTables not these tables
     */
    public record Selection(
            List<String> includeSchemas,
            List<String> excludeSchemas,
            List<String> includeTables,
            List<String> excludeTables) {

        /** No filter. */
        public static final Selection EVERYTHING = new Selection(null, null, null, null);

        public Selection {
            includeSchemas = includeSchemas == null ? List.of() : List.copyOf(includeSchemas);
            excludeSchemas = excludeSchemas == null ? List.of() : List.copyOf(excludeSchemas);
            includeTables = includeTables == null ? List.of() : List.copyOf(includeTables);
            excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
        }
    }

    /**
     * OpenPGP encryption of a target's artifacts: to every recipient's public key and/or with a
     * passphrase (either opens the artifact with {@code gpg --decrypt}).
     *
     * @param recipients files holding the recipients' public keys (ASCII-armored or binary)
     * @param passphrase where the symmetric passphrase comes from, or {@link PasswordSource#NONE}
     */
    public record Encryption(List<Path> recipients, PasswordSource passphrase) {

        /** No encryption. */
        public static final Encryption NONE = new Encryption(null, null);

        public Encryption {
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
            passphrase = passphrase == null ? PasswordSource.NONE : passphrase;
        }

        /** True when the artifacts are encrypted. */
        public boolean enabled() {
            return !recipients.isEmpty() || !passphrase.isNone();
        }
    }
}
