package io.bulwark.localstack;

import io.bulwark.contracts.Ids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes the shared configuration file every service reads ({@code --spring.config.additional-location}), in the
 * layout of the shared configuration file (docs/configuration.md): storage, targets, restore destinations, the verifier's decryption
 * keys and notifier. Database passwords never go into it: each lives in a secret file (mode 0600) that the target or
 * destination names with {@code password-file}. The file itself holds the
 * S3 secret key, so it is written with mode 0600 too.
 */
public final class ConfigFile {

    /**
     * The object store the services use.
     *
     * @param endpoint S3 endpoint URL
     * @param accessKey access key
     * @param secretKey secret key (written to the file only)
     * @param bucket bucket holding every artifact
     * @param region signing region
     */
    public record Storage(String endpoint, String accessKey, String secretKey, String bucket, String region) {}

    /**
     * One target: a PostgreSQL or MySQL/MariaDB database to back up.
     *
     * @param id target id, {@link Ids#SAFE_ID}
     * @param location engine, server, database and user; its password goes to {@code passwordFile}
     * @param passwordFile file holding the password, or {@code null} when there is none
     * @param options filters, compression and encryption; {@code null} for {@link TargetOptions#NONE}
     * @throws IllegalArgumentException when the id is not safe or a table filter does not suit the engine
     */
    public record Target(String id, DatabaseLocation location, Path passwordFile, TargetOptions options) {
        public Target {
            Ids.requireSafe("target id", id);
            Objects.requireNonNull(location, "location");
            options = options == null ? TargetOptions.NONE : options;
            options.checkTables("bulwark.targets." + id, location.engine());
        }

        /** A target with the services' defaults for filters, compression and encryption. */
        public Target(String id, DatabaseLocation location, Path passwordFile) {
            this(id, location, passwordFile, TargetOptions.NONE);
        }
    }

    /**
     * A server restores may write to ({@code bulwark.restore.destinations.<id>}): the scheduler pre-checks the
     * database a restore names there, the verifier restores into it.
     *
     * @param id destination id, {@link Ids#SAFE_ID}
     * @param engine the server's engine
     * @param host server host
     * @param port server port
     * @param username a user allowed to create databases there
     * @param passwordFile file holding the password, or {@code null} when there is none
     * @throws IllegalArgumentException when the id is not safe or the host or username is blank
     */
    public record Destination(
            String id, DatabaseLocation.Engine engine, String host, int port, String username, Path passwordFile) {
        public Destination {
            Ids.requireSafe("destination id", id);
            Objects.requireNonNull(engine, "engine");
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("bulwark.restore.destinations." + id + ".host is blank");
            }
            if (username == null || username.isBlank()) {
                throw new IllegalArgumentException("bulwark.restore.destinations." + id + ".username is blank");
            }
        }
    }

    /** The compressions a target's artifact can have ({@code bulwark.targets.<id>.compression}). */
    public enum Compression {
        /** Zstandard, levels 1..19; the default. */
        ZSTD("zstd", 1, 19),
        /** gzip (RFC 1952), levels 1..9. */
        GZIP("gzip", 1, 9);

        private final String configName;
        private final int minLevel;
        private final int maxLevel;

        Compression(String configName, int minLevel, int maxLevel) {
            this.configName = configName;
            this.minLevel = minLevel;
            this.maxLevel = maxLevel;
        }

        /** The value in the configuration file: {@code zstd} or {@code gzip}. */
        public String configName() {
            return configName;
        }

        /** The lowest level this compression takes. */
        public int minLevel() {
            return minLevel;
        }

        /** The highest level this compression takes. */
        public int maxLevel() {
            return maxLevel;
        }
    }

    /**
     * OpenPGP encryption of a target's artifact ({@code bulwark.targets.<id>.encryption}); at least one of the two.
     *
     * @param recipients ASCII-armored OpenPGP public key files the artifact is encrypted to; none is fine with a
     *     passphrase
     * @param passphraseFile file (mode 0600) holding a symmetric passphrase, or {@code null}
     * @throws IllegalArgumentException when neither a recipient nor a passphrase file is given
     */
    public record Encryption(List<Path> recipients, Path passphraseFile) {
        public Encryption {
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
            if (recipients.isEmpty() && passphraseFile == null) {
                throw new IllegalArgumentException("encryption needs a recipient's public key or a passphrase file");
            }
        }

        /** Encryption to these public keys only. */
        public static Encryption toRecipients(List<Path> recipients) {
            return new Encryption(recipients, null);
        }
    }

    /**
     * A target's optional settings; each {@code null} or empty one is left out of the file, so the services' default
     * applies (everything dumped, zstd level 3, no encryption).
     *
     * @param includeSchemas only these schemas (exact names); empty for all
     * @param excludeSchemas not these schemas
     * @param includeTables only these tables: {@code schema.table} on PostgreSQL, {@code table} on MySQL/MariaDB
     * @param excludeTables not these tables, same form
     * @param compression the artifact's compression, or {@code null} for the default (zstd)
     * @param compressionLevel the compression level, or {@code null} for the default (3)
     * @param encryption OpenPGP encryption, or {@code null} for none
     * @throws IllegalArgumentException when a list holds a blank name or the level is out of the compression's range
     */
    public record TargetOptions(
            List<String> includeSchemas,
            List<String> excludeSchemas,
            List<String> includeTables,
            List<String> excludeTables,
            Compression compression,
            Integer compressionLevel,
            Encryption encryption) {

        /** No optional setting: the services' defaults. */
        public static final TargetOptions NONE = new TargetOptions(null, null, null, null, null, null, null);

        public TargetOptions {
            includeSchemas = names("include-schemas", includeSchemas);
            excludeSchemas = names("exclude-schemas", excludeSchemas);
            includeTables = names("include-tables", includeTables);
            excludeTables = names("exclude-tables", excludeTables);
            if (compressionLevel != null) {
                Compression c = compression == null ? Compression.ZSTD : compression;
                if (compressionLevel < c.minLevel() || compressionLevel > c.maxLevel()) {
                    throw new IllegalArgumentException("compression-level of " + c.configName() + " must be "
                            + c.minLevel() + ".." + c.maxLevel() + " but was " + compressionLevel);
                }
            }
        }

        /** These options with only these schemas included. */
        public TargetOptions withIncludeSchemas(List<String> schemas) {
            return new TargetOptions(
                    schemas, excludeSchemas, includeTables, excludeTables, compression, compressionLevel, encryption);
        }

        /** These options with these schemas excluded. */
        public TargetOptions withExcludeSchemas(List<String> schemas) {
            return new TargetOptions(
                    includeSchemas, schemas, includeTables, excludeTables, compression, compressionLevel, encryption);
        }

        /** These options with only these tables included. */
        public TargetOptions withIncludeTables(List<String> tables) {
            return new TargetOptions(
                    includeSchemas, excludeSchemas, tables, excludeTables, compression, compressionLevel, encryption);
        }

        /** These options with these tables excluded. */
        public TargetOptions withExcludeTables(List<String> tables) {
            return new TargetOptions(
                    includeSchemas, excludeSchemas, includeTables, tables, compression, compressionLevel, encryption);
        }

        /** These options with this compression and level ({@code null} level: the default). */
        public TargetOptions withCompression(Compression newCompression, Integer level) {
            return new TargetOptions(
                    includeSchemas, excludeSchemas, includeTables, excludeTables, newCompression, level, encryption);
        }

        /** These options with this encryption ({@code null}: none). */
        public TargetOptions withEncryption(Encryption newEncryption) {
            return new TargetOptions(
                    includeSchemas,
                    excludeSchemas,
                    includeTables,
                    excludeTables,
                    compression,
                    compressionLevel,
                    newEncryption);
        }

        /**
         * Checks that the table filters have the engine's form: {@code schema.table} on PostgreSQL, a plain table
         * name (no dot) on MySQL/MariaDB, whose schema is the database.
         *
         * @param path the target's property path, for the message
         * @throws IllegalArgumentException naming the property and the entry
         */
        void checkTables(String path, DatabaseLocation.Engine engine) {
            checkTables(path + ".include-tables", engine, includeTables);
            checkTables(path + ".exclude-tables", engine, excludeTables);
        }

        private static void checkTables(String property, DatabaseLocation.Engine engine, List<String> tables) {
            for (String table : tables) {
                if (engine == DatabaseLocation.Engine.POSTGRESQL
                        && !QUALIFIED_TABLE.matcher(table).matches()) {
                    throw new IllegalArgumentException(
                            property + ": a PostgreSQL table is named schema.table but was '" + table + "'");
                }
                if (engine == DatabaseLocation.Engine.MARIADB && table.contains(".")) {
                    throw new IllegalArgumentException(
                            property + ": a MySQL/MariaDB table is named without its database but was '" + table + "'");
                }
            }
        }

        private static List<String> names(String property, List<String> names) {
            if (names == null) {
                return List.of();
            }
            for (String n : names) {
                if (n == null || n.isBlank()) {
                    throw new IllegalArgumentException(property + " holds a blank name");
                }
            }
            return List.copyOf(names);
        }
    }

    private static final Pattern QUALIFIED_TABLE = Pattern.compile("[^.]+\\.[^.]+");

    private ConfigFile() {}

    /**
     * Writes a password to a secret file readable by its owner only (0600), replacing it atomically. A missing folder
     * is created with mode 0700, and a folder named {@code secrets} is made 0700, so that no other OS account (the
     * sandbox's above all) can list it.
     *
     * @param file the file to write
     * @param password the password
     * @return {@code file}
     */
    public static Path writeSecret(Path file, String password) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(parent)) {
                Files.createDirectories(
                        parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (parent.getFileName() != null && parent.getFileName().toString().equals("secrets")) {
                // the sandbox's OS account may not even list the secrets
                Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwx------"));
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, password, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write secret file " + file, e);
        }
    }

    /**
     * Renders the configuration as YAML, without a verifier section.
     *
     * @see #render(Storage, List, String, List)
     */
    public static String render(Storage storage, List<Target> targets, String webhookUrl) {
        return render(storage, targets, webhookUrl, List.of());
    }

    /**
     * Renders the configuration as YAML, without restore destinations.
     *
     * @see #render(Storage, List, List, String, List)
     */
    public static String render(
            Storage storage, List<Target> targets, String webhookUrl, List<Path> verifierSecretKeys) {
        return render(storage, targets, List.of(), webhookUrl, verifierSecretKeys);
    }

    /**
     * Renders the configuration as YAML: {@code bulwark.storage}, {@code bulwark.targets} (engine, server, database,
     * user, password file and the {@link TargetOptions} that are set), {@code bulwark.restore.destinations} when given,
     * {@code bulwark.verifier.decryption.secret-keys} when given, and {@code bulwark.notifier}.
     *
     * @param storage the object store
     * @param targets the targets, none is fine
     * @param destinations the servers restores may write to, none is fine
     * @param webhookUrl the notifier's webhook URL, or {@code null} for none
     * @param verifierSecretKeys ASCII-armored OpenPGP secret key files the verifier decrypts artifacts with; empty for
     *     no verifier section
     * @return the YAML text
     */
    public static String render(
            Storage storage,
            List<Target> targets,
            List<Destination> destinations,
            String webhookUrl,
            List<Path> verifierSecretKeys) {
        StringBuilder y = new StringBuilder();
        y.append("# Written by the Bulwark local stack; rewritten at every start.\n");
        y.append("bulwark:\n");
        y.append("  storage:\n");
        y.append("    endpoint: ").append(quote(storage.endpoint())).append('\n');
        y.append("    access-key: ").append(quote(storage.accessKey())).append('\n');
        y.append("    secret-key: ").append(quote(storage.secretKey())).append('\n');
        y.append("    bucket: ").append(quote(storage.bucket())).append('\n');
        y.append("    region: ").append(quote(storage.region())).append('\n');
        if (!targets.isEmpty()) {
            y.append("  targets:\n");
            for (Target t : targets) {
                renderTarget(y, t);
            }
        }
        if (destinations != null && !destinations.isEmpty()) {
            y.append("  restore:\n");
            y.append("    destinations:\n");
            for (Destination d : destinations) {
                renderDestination(y, d);
            }
        }
        if (verifierSecretKeys != null && !verifierSecretKeys.isEmpty()) {
            y.append("  verifier:\n");
            y.append("    decryption:\n");
            y.append("      secret-keys: ").append(pathList(verifierSecretKeys)).append('\n');
        }
        y.append("  notifier:\n");
        if (webhookUrl != null) {
            y.append("    webhook:\n");
            y.append("      url: ").append(quote(webhookUrl)).append('\n');
            if (webhookUrl.startsWith("http://")) {
                // the local stack's receivers listen on this machine; anywhere else use https
                y.append("      allow-insecure-http: true\n");
            }
        }
        y.append("    notify-on-passed: true\n");
        return y.toString();
    }

    private static void renderTarget(StringBuilder y, Target t) {
        DatabaseLocation l = t.location();
        y.append("    ").append(t.id()).append(":\n");
        y.append("      engine: ").append(l.engine().configName()).append('\n');
        y.append("      host: ").append(quote(l.host())).append('\n');
        y.append("      port: ").append(l.port()).append('\n');
        y.append("      database: ").append(quote(l.database())).append('\n');
        y.append("      username: ").append(quote(l.username())).append('\n');
        if (t.passwordFile() != null) {
            y.append("      password-file: ")
                    .append(quotePath(t.passwordFile()))
                    .append('\n');
        }
        TargetOptions o = t.options();
        list(y, "include-schemas", o.includeSchemas());
        list(y, "exclude-schemas", o.excludeSchemas());
        list(y, "include-tables", o.includeTables());
        list(y, "exclude-tables", o.excludeTables());
        if (o.compression() != null) {
            y.append("      compression: ").append(o.compression().configName()).append('\n');
        }
        if (o.compressionLevel() != null) {
            y.append("      compression-level: ").append(o.compressionLevel()).append('\n');
        }
        Encryption e = o.encryption();
        if (e != null) {
            y.append("      encryption:\n");
            if (!e.recipients().isEmpty()) {
                y.append("        recipients: ")
                        .append(pathList(e.recipients()))
                        .append('\n');
            }
            if (e.passphraseFile() != null) {
                y.append("        passphrase-file: ")
                        .append(quotePath(e.passphraseFile()))
                        .append('\n');
            }
        }
    }

    private static void renderDestination(StringBuilder y, Destination d) {
        y.append("      ").append(d.id()).append(":\n");
        y.append("        engine: ").append(d.engine().configName()).append('\n');
        y.append("        host: ").append(quote(d.host())).append('\n');
        y.append("        port: ").append(d.port()).append('\n');
        y.append("        username: ").append(quote(d.username())).append('\n');
        if (d.passwordFile() != null) {
            y.append("        password-file: ")
                    .append(quotePath(d.passwordFile()))
                    .append('\n');
        }
    }

    private static void list(StringBuilder y, String key, List<String> values) {
        if (!values.isEmpty()) {
            y.append("      ")
                    .append(key)
                    .append(": ")
                    .append(values.stream().map(ConfigFile::quote).collect(Collectors.joining(", ", "[", "]")))
                    .append('\n');
        }
    }

    private static String pathList(List<Path> paths) {
        return paths.stream().map(ConfigFile::quotePath).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quotePath(Path path) {
        return quote(path.toAbsolutePath().toString());
    }

    /**
     * Writes {@link #render(Storage, List, String)} to {@code file} with mode 0600.
     *
     * @return {@code file}
     */
    public static Path write(Path file, Storage storage, List<Target> targets, String webhookUrl) {
        return write(file, storage, targets, webhookUrl, List.of());
    }

    /**
     * Writes {@link #render(Storage, List, String, List)} to {@code file} with mode 0600.
     *
     * @return {@code file}
     */
    public static Path write(
            Path file, Storage storage, List<Target> targets, String webhookUrl, List<Path> verifierSecretKeys) {
        return writeSecret(file, render(storage, targets, webhookUrl, verifierSecretKeys));
    }

    /**
     * Writes {@link #render(Storage, List, List, String, List)} to {@code file} with mode 0600.
     *
     * @return {@code file}
     */
    public static Path write(
            Path file,
            Storage storage,
            List<Target> targets,
            List<Destination> destinations,
            String webhookUrl,
            List<Path> verifierSecretKeys) {
        return writeSecret(file, render(storage, targets, destinations, webhookUrl, verifierSecretKeys));
    }

    /**
     * An API token the services accept ({@code bulwark.security.tokens[]}).
     *
     * @param name who holds it, as the audit log names the caller
     * @param role {@code viewer}, {@code operator} or {@code admin}
     * @param tokenFile the file (mode 0600) holding the token; the configuration names only the file
     * @throws IllegalArgumentException when the name or role is blank or the role is none of the three
     */
    public record ApiTokenEntry(String name, String role, Path tokenFile) {
        public ApiTokenEntry {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("an API token needs a name");
            }
            if (!List.of("viewer", "operator", "admin").contains(role)) {
                throw new IllegalArgumentException("API token role must be viewer, operator or admin: " + role);
            }
            Objects.requireNonNull(tokenFile, "tokenFile");
        }
    }

    /**
     * Renders the services' API security as YAML: one {@code bulwark.security.tokens} entry (name, role, {@code
     * token-file}) per token; the tokens themselves stay in their files.
     *
     * @param tokens the tokens, at least one (with none, every API call is refused)
     * @return the YAML text
     */
    public static String renderSecurity(List<ApiTokenEntry> tokens) {
        StringBuilder y = new StringBuilder();
        y.append("# Written by the Bulwark local stack; rewritten at every start.\n");
        y.append("bulwark:\n");
        y.append("  security:\n");
        y.append("    tokens:\n");
        for (ApiTokenEntry t : tokens) {
            y.append("      - name: ").append(quote(t.name())).append('\n');
            y.append("        role: ").append(t.role()).append('\n');
            y.append("        token-file: ").append(quotePath(t.tokenFile())).append('\n');
        }
        return y.toString();
    }

    /** A YAML double-quoted scalar. */
    static String quote(String value) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\x%02x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
