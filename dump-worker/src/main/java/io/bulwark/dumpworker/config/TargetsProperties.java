package io.bulwark.dumpworker.config;

import io.bulwark.contracts.Ids;
import io.bulwark.dumpworker.domain.DumpTarget;
import io.bulwark.dumpworker.domain.PasswordSource;
import jakarta.validation.Valid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The targets ({@code bulwark.targets.<id>.*}, shared by every service). The dump-worker binds the
 * connection settings and the password reference; schedules and retention belong to other services
 * and are ignored here.
 *
 * <pre>
 * bulwark:
 *   targets:
 *     chinook:
 *       engine: postgresql              # postgresql (default) or mariadb (alias mysql)
 *       host: 127.0.0.1
 *       port: 5432                      # default 5432 for postgresql, 3306 for mariadb
 *       database: chinook
 *       username: postgres
 *       password-env: CHINOOK_PASSWORD  # optional: environment variable holding the password
 *       password-file: /run/secrets/pw  # optional: file holding the password (first line)
 *       dump-timeout: 6h                # default 6h
 *       include-schemas: [public]       # optional, PostgreSQL only; exact names
 *       exclude-schemas: [audit]
 *       include-tables: [public.orders] # PostgreSQL schema.table, MySQL table
 *       exclude-tables: [public.log]
 *       compression: zstd               # zstd (default) or gzip
 *       compression-level: 3            # zstd 1..19, gzip 1..9; default: the worker's
 *       encryption:                     # optional OpenPGP encryption (gpg --decrypt opens it)
 *         recipients: [/etc/bulwark/ops.asc]   # public key files
 *         passphrase-env: CHINOOK_BACKUP_PASSPHRASE  # and/or passphrase-file
 * </pre>
 *
 * @param targets target id ({@link Ids#SAFE_ID}) to target
 * @throws IllegalArgumentException at binding, naming every wrong property (e.g. {@code
 *     bulwark.targets.chinook.host}) when an id is not a safe id or a required setting is missing
 */
@Validated
@ConfigurationProperties("bulwark")
public record TargetsProperties(Map<String, @Valid Target> targets) {

    public TargetsProperties {
        targets = targets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        List<String> errors = new ArrayList<>();
        targets.forEach((id, target) -> check(id, target, errors));
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid Bulwark configuration: " + String.join("; ", errors));
        }
    }

    private static void check(String id, Target target, List<String> errors) {
        String path = "bulwark.targets." + id;
        if (!Ids.isSafe(id)) {
            errors.add(path + ": target id must match " + Ids.SAFE_ID.pattern());
        }
        if (target == null) {
            errors.add(path + ": no settings");
            return;
        }
        String engine = DumpTarget.normalizeEngine(target.engine());
        if (!DumpTarget.POSTGRESQL.equals(engine) && !DumpTarget.MARIADB.equals(engine)) {
            errors.add(path + ".engine: must be postgresql, mariadb or mysql but was '" + target.engine() + "'");
        }
        if (DumpTarget.MARIADB.equals(engine)
                && (!target.includeSchemas().isEmpty()
                        || !target.excludeSchemas().isEmpty())) {
            errors.add(path + ".include-schemas/exclude-schemas: apply to postgresql targets only; a " + engine
                    + " target is one database");
        }
        if (DumpTarget.POSTGRESQL.equals(engine)) {
            for (String table : concat(target.includeTables(), target.excludeTables())) {
                if (table.indexOf('.') <= 0 || table.endsWith(".")) {
                    errors.add(path + ".include-tables/exclude-tables: '" + table + "' must be schema.table");
                }
            }
        }
        if (!"zstd".equalsIgnoreCase(target.compression()) && !"gzip".equalsIgnoreCase(target.compression())) {
            errors.add(path + ".compression: must be zstd or gzip but was '" + target.compression() + "'");
        } else if (target.compressionLevel() != null) {
            int max = "gzip".equalsIgnoreCase(target.compression()) ? 9 : 19;
            if (target.compressionLevel() < 1 || target.compressionLevel() > max) {
                errors.add(path + ".compression-level: must be 1.." + max + " for " + target.compression() + " but was "
                        + target.compressionLevel());
            }
        }
        if (target.encryption() != null) {
            for (String file : target.encryption().recipients()) {
                if (!Files.isReadable(Path.of(file))) {
                    errors.add(path + ".encryption.recipients: the public key file " + file + " cannot be read");
                }
            }
            if (target.encryption().recipients().isEmpty()
                    && blank(target.encryption().passphraseEnv())
                    && blank(target.encryption().passphraseFile())) {
                errors.add(path + ".encryption: name recipients (public key files) and/or a passphrase-env or"
                        + " passphrase-file");
            }
        }
        if (blank(target.host())) {
            errors.add(path + ".host: is required");
        }
        if (blank(target.database())) {
            errors.add(path + ".database: is required");
        }
        if (blank(target.username())) {
            errors.add(path + ".username: is required");
        }
        if (target.port() != null && (target.port() < 1 || target.port() > 65535)) {
            errors.add(path + ".port: must be 1..65535 but was " + target.port());
        }
        if (target.dumpTimeout().isNegative() || target.dumpTimeout().isZero()) {
            errors.add(path + ".dump-timeout: must be positive");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Every target as the worker's domain sees it. */
    public Map<String, DumpTarget> toDumpTargets() {
        Map<String, DumpTarget> result = new LinkedHashMap<>();
        targets.forEach((id, t) -> result.put(id, t.toDumpTarget(id)));
        return result;
    }

    /**
     * One target's settings.
     *
     * @param engine postgresql (default), mariadb or mysql
     * @param port TCP port; null for the engine's default
     * @param passwordEnv name of the environment variable holding the password, or null
     * @param passwordFile path of a file holding the password, or null
     * @param dumpTimeout how long one dump may take before the tool is killed
     * @param includeSchemas only these schemas (PostgreSQL)
     * @param excludeSchemas not these schemas (PostgreSQL)
     * @param includeTables only these tables
     * @param excludeTables not these tables
     * @param compression zstd (default) or gzip
     * @param compressionLevel the level, or null for the worker's default
     * @param encryption OpenPGP encryption, or null for none
     */
    public record Target(
            @DefaultValue("postgresql") String engine,
            String host,
            Integer port,
            String database,
            String username,
            String passwordEnv,
            String passwordFile,
            @DefaultValue("6h") Duration dumpTimeout,
            List<String> includeSchemas,
            List<String> excludeSchemas,
            List<String> includeTables,
            List<String> excludeTables,
            @DefaultValue("zstd") String compression,
            Integer compressionLevel,
            Encryption encryption) {

        public Target {
            includeSchemas = includeSchemas == null ? List.of() : List.copyOf(includeSchemas);
            excludeSchemas = excludeSchemas == null ? List.of() : List.copyOf(excludeSchemas);
            includeTables = includeTables == null ? List.of() : List.copyOf(includeTables);
            excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
        }

        DumpTarget toDumpTarget(String id) {
            return new DumpTarget(
                    id,
                    engine,
                    host,
                    port != null ? port : DumpTarget.defaultPort(engine),
                    database,
                    username,
                    new PasswordSource(passwordEnv, passwordFile),
                    dumpTimeout,
                    new DumpTarget.Selection(includeSchemas, excludeSchemas, includeTables, excludeTables),
                    compression,
                    compressionLevel == null ? 0 : compressionLevel,
                    encryption == null
                            ? DumpTarget.Encryption.NONE
                            : new DumpTarget.Encryption(
                                    encryption.recipients().stream()
                                            .map(Path::of)
                                            .toList(),
                                    new PasswordSource(encryption.passphraseEnv(), encryption.passphraseFile())));
        }
    }

    /**
     * A target's OpenPGP encryption ({@code bulwark.targets.<id>.encryption.*}).
     *
     * @param recipients files holding the recipients' public keys
     * @param passphraseEnv environment variable holding a symmetric passphrase, or null
     * @param passphraseFile file holding a symmetric passphrase (first line), or null
     */
    public record Encryption(List<String> recipients, String passphraseEnv, String passphraseFile) {
        public Encryption {
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
        }
    }
}
