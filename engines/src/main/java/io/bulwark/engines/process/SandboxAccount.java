package io.bulwark.engines.process;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dedicated unprivileged OS account that local sandbox servers run as (default {@value #DEFAULT_NAME}). When this
 * JVM runs as root and the account is missing, it is created as a system account without a home directory and
 * without a login shell ({@code useradd --system --no-create-home --shell /usr/sbin/nologin}); it then owns nothing
 * but the sandbox directories handed to it, so a restored artifact that runs code on the server can reach no real
 * server's data, no secret and no key of Bulwark's (those are 0600/0700 and owned by the JVM's user). When this JVM
 * does not run as root, servers run as the JVM's own user and nothing is created.
 */
public final class SandboxAccount {

    /** The account's default name. */
    public static final String DEFAULT_NAME = "bulwark-sandbox";

    /** Accounts that own something real and may never be a sandbox account. */
    static final Set<String> REFUSED = Set.of("root", "postgres", "mysql", "mariadb", "daemon", "nobody");

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final Duration USERADD_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(SandboxAccount.class);

    private SandboxAccount() {}

    /**
     * Makes sure the account {@code name} exists when this JVM runs as root (creating it when missing) and returns
     * the user sandbox servers run as: {@code name}, switched to, when root; this JVM's user otherwise.
     *
     * @param name the account, e.g. {@value #DEFAULT_NAME}: a POSIX user name, not one of the accounts that own real
     *     data ({@code root}, {@code postgres}, {@code mysql}, {@code mariadb}, {@code daemon}, {@code nobody})
     * @throws IllegalArgumentException when the name is not a user name or is refused
     * @throws IllegalStateException when {@code useradd} fails (the message holds its error output)
     */
    public static synchronized ServerUser ensureExists(String name) {
        requireUsable(name);
        if (!LocalServers.runningAsRoot()) {
            return new ServerUser(System.getProperty("user.name", "nobody"), false);
        }
        if (!exists(name)) {
            ProcessRunner.Result r;
            try (ProcessRunner runner = new ProcessRunner()) {
                r = runner.run(new ProcessRunner.Command(
                        List.of(
                                "useradd",
                                "--system",
                                "--no-create-home",
                                "--home-dir",
                                "/nonexistent",
                                "--shell",
                                "/usr/sbin/nologin",
                                "--user-group",
                                name),
                        null,
                        USERADD_TIMEOUT));
            }
            if (!r.succeeded() && !exists(name)) {
                throw new IllegalStateException("cannot create the sandbox OS account " + name + " (useradd exit "
                        + r.exitCode() + "): " + r.stderr());
            }
            log.info("created the sandbox OS account {} (system, no home, no login shell)", name);
        }
        return new ServerUser(name, true);
    }

    /** True when the OS knows the account {@code name}. */
    public static boolean exists(String name) {
        try {
            FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(name);
            return true;
        } catch (UserPrincipalNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("cannot look up the OS account " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that {@code name} may be a sandbox account.
     *
     * @throws IllegalArgumentException when it is not a POSIX user name or owns real data (see {@link #ensureExists})
     */
    public static void requireUsable(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "the sandbox OS account must be a user name like " + DEFAULT_NAME + " but was '" + name + "'");
        }
        if (REFUSED.contains(name)) {
            throw new IllegalArgumentException("the sandbox OS account may not be " + name
                    + ": it owns a real server's data or the system; use a dedicated account such as "
                    + DEFAULT_NAME);
        }
    }
}
