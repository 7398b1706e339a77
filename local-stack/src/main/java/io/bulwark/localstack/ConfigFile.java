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

/**
 * Writes the shared configuration file every service reads ({@code --spring.config.additional-location}), in the
 * layout of COMMON.md "Shared configuration file": storage, targets and notifier. Database passwords never go into it:
 * each lives in a secret file (mode 0600) that the target names with {@code password-file}. The file itself holds the
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
     * One PostgreSQL target.
     *
     * @param id target id, {@link Ids#SAFE_ID}
     * @param location server, database and role; its password goes to {@code passwordFile}
     * @param passwordFile file holding the password, or {@code null} when there is none
     */
    public record Target(String id, PostgresLocation location, Path passwordFile) {
        public Target {
            Ids.requireSafe("target id", id);
            Objects.requireNonNull(location, "location");
        }
    }

    private ConfigFile() {}

    /**
     * Writes a password to a secret file readable by its owner only (0600), replacing it atomically.
     *
     * @param file the file to write
     * @param password the password
     * @return {@code file}
     */
    public static Path writeSecret(Path file, String password) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
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
     * Renders the configuration as YAML.
     *
     * @param storage the object store
     * @param targets the targets, none is fine
     * @param webhookUrl the notifier's webhook URL, or {@code null} for none
     * @return the YAML text
     */
    public static String render(Storage storage, List<Target> targets, String webhookUrl) {
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
                PostgresLocation l = t.location();
                y.append("    ").append(t.id()).append(":\n");
                y.append("      engine: postgresql\n");
                y.append("      host: ").append(quote(l.host())).append('\n');
                y.append("      port: ").append(l.port()).append('\n');
                y.append("      database: ").append(quote(l.database())).append('\n');
                y.append("      username: ").append(quote(l.username())).append('\n');
                if (t.passwordFile() != null) {
                    y.append("      password-file: ")
                            .append(quote(t.passwordFile().toAbsolutePath().toString()))
                            .append('\n');
                }
            }
        }
        y.append("  notifier:\n");
        if (webhookUrl != null) {
            y.append("    webhook:\n");
            y.append("      url: ").append(quote(webhookUrl)).append('\n');
        }
        y.append("    notify-on-passed: true\n");
        return y.toString();
    }

    /**
     * Writes {@link #render} to {@code file} with mode 0600.
     *
     * @return {@code file}
     */
    public static Path write(Path file, Storage storage, List<Target> targets, String webhookUrl) {
        return writeSecret(file, render(storage, targets, webhookUrl));
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
