package io.bulwark.verifier.config;

import io.bulwark.verifier.adapter.sandbox.container.SandboxImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how sandboxes run ({@code bulwark.verifier.sandbox.*}).
 *
 * @param workDir directory under which each sandbox gets a fresh directory; default {@code
 *     java.io.tmpdir}. When the verifier runs as root, the server runs as OS user {@link #osUser},
 *     so every ancestor of this directory must be traversable by that user
 * @param pgBinDir directory of the PostgreSQL server binaries ({@code initdb}, {@code pg_ctl},
 *     {@code pg_restore}); default: {@code pg_config --bindir}, else the newest {@code
 *     /usr/lib/postgresql/<major>/bin}
 * @param mariadbBinDir directory of the MariaDB server binaries ({@code mariadbd}, {@code
 *     mariadb-install-db}); default: found in the usual places and on the PATH
 * @param restoreTimeout how long one restore may run before it is killed; default 6 hours
 * @param countTimeout how long one statement of the restored database's inventory (a table's
 *     {@code count(*)}) may run; default 1 hour
 * @param kind the kind of sandbox: {@code local} (default), an ephemeral server from the machine's
 *     binaries; {@code container}, the official image of the source's release series run with Testcontainers
 *     (needs a Docker engine: the socket, or {@code DOCKER_HOST}); {@code scratch}, a throwaway database on a
 *     configured server ({@link #scratch}); {@code auto}, {@code container} when a Docker engine answers at
 *     start-up, else {@code local}
 * @param scratch the servers of {@code scratch} sandboxes
 * @param container the images and limits of {@code container} sandboxes
 * @param osUser the dedicated unprivileged OS account that {@code local} sandbox servers run as when the verifier
 *     runs as root; created when missing; never {@code root}, {@code postgres} or {@code mysql}; default {@code
 *     bulwark-sandbox}. When the verifier does not run as root, servers run as the verifier's own user
 * @param postgres how PostgreSQL sandboxes restore ({@code bulwark.verifier.sandbox.postgres.*})
 */
@Validated
@ConfigurationProperties("bulwark.verifier.sandbox")
public record SandboxProperties(
        Path workDir,
        Path pgBinDir,
        Path mariadbBinDir,
        @DefaultValue("6h") Duration restoreTimeout,
        @DefaultValue("1h") Duration countTimeout,
        @DefaultValue("local") String kind,
        Scratch scratch,
        Container container,
        @DefaultValue("bulwark-sandbox") String osUser,
        Postgres postgres) {

    /** The sandbox kinds that can be configured. */
    public static final Set<String> KINDS = Set.of("local", "container", "scratch", "auto");

    /**
     * @throws IllegalArgumentException naming the property when a timeout is not positive, the kind is
     *     unknown, or {@code scratch} has no server
     */
    public SandboxProperties {
        if (workDir == null) {
            workDir = Path.of(System.getProperty("java.io.tmpdir"));
        }
        if (restoreTimeout == null || restoreTimeout.isNegative() || restoreTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "bulwark.verifier.sandbox.restore-timeout must be positive but was " + restoreTimeout);
        }
        if (countTimeout == null || countTimeout.isNegative() || countTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "bulwark.verifier.sandbox.count-timeout must be positive but was " + countTimeout);
        }
        kind = kind == null ? "local" : kind.trim().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(
                    "bulwark.verifier.sandbox.kind must be local, container, scratch or auto but was '" + kind + "'");
        }
        if (container == null) {
            container = new Container(null, null, null, null, null);
        }
        if (scratch == null) {
            scratch = new Scratch(null, null, null);
        }
        osUser = osUser == null || osUser.isBlank() ? "bulwark-sandbox" : osUser.trim();
        io.bulwark.engines.process.SandboxAccount.requireUsable(osUser);
        if (postgres == null) {
            postgres = new Postgres(null);
        }
        if ("scratch".equals(kind) && scratch.postgresql() == null && scratch.mariadb() == null) {
            throw new IllegalArgumentException("bulwark.verifier.sandbox.kind is scratch but neither"
                    + " bulwark.verifier.sandbox.scratch.postgresql.host nor ...scratch.mariadb.host is set");
        }
    }

    /**
     * Who restores into a PostgreSQL sandbox.
     *
     * <ul>
     *   <li>{@code UNPRIVILEGED} (default): the role {@code bulwark_restore} ({@code NOSUPERUSER}, no {@code
     *       CREATEROLE}/{@code CREATEDB}, owner of the sandbox database only) restores with {@code --no-owner
     *       --no-privileges}, and the checks read as that role, so code in the artifact runs without a superuser's
     *       rights: no {@code COPY ... TO PROGRAM}, no server file access, no {@code lo_export}. A dump that needs a
     *       superuser (an untrusted extension, a C function) fails to restore with "permission denied".
     *   <li>{@code SUPERUSER}: the sandbox's superuser restores, as before; then the sandbox's OS account ({@link
     *       #osUser}) is the only boundary.
     * </ul>
     */
    public enum RestoreRole {
        UNPRIVILEGED,
        SUPERUSER
    }

    /**
     * How PostgreSQL sandboxes restore ({@code bulwark.verifier.sandbox.postgres.*}).
     *
     * @param restoreRole who restores into {@code local} sandboxes; default {@link RestoreRole#UNPRIVILEGED}
     */
    public record Postgres(RestoreRole restoreRole) {
        public Postgres {
            if (restoreRole == null) {
                restoreRole = RestoreRole.UNPRIVILEGED;
            }
        }
    }

    /**
     * The servers of {@code scratch} sandboxes ({@code bulwark.verifier.sandbox.scratch.*}); an engine without a
     * server has no scratch sandbox.
     *
     * @param postgresql the PostgreSQL server (its role needs {@code CREATEDB}), or null
     * @param mariadb the MariaDB server (its user needs {@code CREATE} and {@code DROP} on any database), or null
     * @param orphanAge scratch databases older than this are dropped at start-up as left behind; default 6 hours
     */
    public record Scratch(Server postgresql, Server mariadb, Duration orphanAge) {

        public Scratch {
            if (postgresql != null
                    && (postgresql.host() == null || postgresql.host().isBlank())) {
                postgresql = null;
            }
            if (mariadb != null && (mariadb.host() == null || mariadb.host().isBlank())) {
                mariadb = null;
            }
            if (orphanAge == null) {
                orphanAge = Duration.ofHours(6);
            }
            if (orphanAge.isNegative() || orphanAge.isZero()) {
                throw new IllegalArgumentException(
                        "bulwark.verifier.sandbox.scratch.orphan-age must be positive but was " + orphanAge);
            }
        }
    }

    /**
     * The images and limits of {@code container} sandboxes ({@code bulwark.verifier.sandbox.container.*}). An image
     * names its tag with {@code {series}}, replaced by the source's release series ({@code 15},
     * {@code 10.11}, {@code 8.0}); a private registry's mirror goes here, e.g. {@code
     * registry.example.com/postgres:{series}}.
     *
     * @param postgresqlImage the image of PostgreSQL sources; default {@code postgres:{series}}
     * @param mariadbImage the image of MariaDB sources; default {@code mariadb:{series}}
     * @param mysqlImage the image of MySQL sources; default {@code mysql:{series}}
     * @param startupTimeout how long pulling the image and starting the server may take; default 5 minutes
     * @param orphanAge sandbox containers older than this are removed at start-up as left behind; default 12 hours
     */
    public record Container(
            String postgresqlImage,
            String mariadbImage,
            String mysqlImage,
            Duration startupTimeout,
            Duration orphanAge) {

        public Container {
            postgresqlImage = orDefault(postgresqlImage, SandboxImages.DEFAULT.postgresql());
            mariadbImage = orDefault(mariadbImage, SandboxImages.DEFAULT.mariadb());
            mysqlImage = orDefault(mysqlImage, SandboxImages.DEFAULT.mysql());
            if (startupTimeout == null) {
                startupTimeout = Duration.ofMinutes(5);
            }
            if (orphanAge == null) {
                orphanAge = Duration.ofHours(12);
            }
            if (startupTimeout.isNegative() || startupTimeout.isZero()) {
                throw new IllegalArgumentException(
                        "bulwark.verifier.sandbox.container.startup-timeout must be positive but was "
                                + startupTimeout);
            }
            if (orphanAge.isNegative() || orphanAge.isZero()) {
                throw new IllegalArgumentException(
                        "bulwark.verifier.sandbox.container.orphan-age must be positive but was " + orphanAge);
            }
        }

        private static String orDefault(String image, String defaultImage) {
            return image == null || image.isBlank() ? defaultImage : image.trim();
        }

        /** The images as {@link SandboxImages}. */
        public SandboxImages images() {
            return new SandboxImages(postgresqlImage, mariadbImage, mysqlImage);
        }
    }

    /**
     * One scratch server.
     *
     * @param host host name or address
     * @param port TCP port; null for the engine's default (5432, 3306)
     * @param username the user to connect as
     * @param passwordEnv name of the environment variable holding the password, or null
     * @param passwordFile file whose first line is the password, or null
     */
    public record Server(String host, Integer port, String username, String passwordEnv, Path passwordFile) {

        /**
         * The password: from {@link #passwordEnv}, else {@link #passwordFile}, else null (trust).
         *
         * @throws IllegalStateException when the variable is unset or the file cannot be read
         */
        public String password() {
            if (passwordEnv != null && !passwordEnv.isBlank()) {
                String value = System.getenv(passwordEnv);
                if (value == null) {
                    throw new IllegalStateException(
                            "environment variable " + passwordEnv + " (the scratch server's password-env) is not set");
                }
                return value;
            }
            if (passwordFile != null) {
                try {
                    List<String> lines = Files.readAllLines(passwordFile);
                    return lines.isEmpty() ? "" : lines.getFirst().strip();
                } catch (IOException e) {
                    throw new IllegalStateException(
                            "cannot read the scratch server's password-file " + passwordFile + ": " + e.getMessage(),
                            e);
                }
            }
            return null;
        }

        /** The port, or {@code defaultPort} when none is set. */
        public int portOr(int defaultPort) {
            return port == null ? defaultPort : port;
        }
    }
}
