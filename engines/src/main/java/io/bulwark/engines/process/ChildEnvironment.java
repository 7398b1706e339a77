package io.bulwark.engines.process;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment of every child process, built from nothing: of the JVM's own environment only {@link #INHERITED}
 * names and {@code LC_*} pass, then the command's own variables are added, and those may only be the non-secret
 * names of {@link #COMMAND_NAMES} (connection settings, never a password: a password reaches a tool through a private
 * file such as {@code PGPASSFILE} or a MariaDB {@code --defaults-extra-file}). So an object store key, a passphrase
 * or another target's password in the JVM's environment never reaches a dump tool, a restore tool or a sandbox
 * server.
 */
public final class ChildEnvironment {

    /** The names a child inherits from the JVM's environment (plus every {@code LC_*}). */
    public static final Set<String> INHERITED = Set.of("PATH", "LANG", "LANGUAGE", "TZ", "HOME");

    /**
     * The names a command may set itself: the inherited ones (to override, e.g. {@code HOME}), the temporary folder,
     * and libpq's non-secret connection variables (PostgreSQL manual, libpq "Environment Variables"); {@code
     * PGPASSWORD} is not among them.
     */
    public static final Set<String> COMMAND_NAMES = Set.of(
            "PATH",
            "LANG",
            "LANGUAGE",
            "TZ",
            "HOME",
            "TMPDIR",
            "PGHOST",
            "PGHOSTADDR",
            "PGPORT",
            "PGDATABASE",
            "PGUSER",
            "PGPASSFILE",
            "PGAPPNAME",
            "PGCONNECT_TIMEOUT",
            "PGSSLMODE",
            "PGSSLROOTCERT",
            "PGSSLCERT",
            "PGSSLKEY",
            "PGSSLCRL",
            "PGREQUIRESSL",
            "PGTZ",
            "PGDATESTYLE",
            "PGCLIENTENCODING",
            "PGOPTIONS",
            "PGTARGETSESSIONATTRS",
            "PGSERVICEFILE",
            "PGSYSCONFDIR",
            "PGDATA",
            "GNUPGHOME");

    private ChildEnvironment() {}

    /**
     * The environment of a child: the allow-listed part of {@code jvmEnv} overridden by {@code commandEnv}.
     *
     * @param jvmEnv the JVM's environment, e.g. {@link System#getenv()}
     * @param commandEnv the command's own variables, checked by {@link #requireAllowed}
     * @return a new sorted map
     * @throws IllegalArgumentException when {@code commandEnv} names a variable that is not allowed
     */
    public static Map<String, String> of(Map<String, String> jvmEnv, Map<String, String> commandEnv) {
        requireAllowed(commandEnv);
        Map<String, String> env = new TreeMap<>();
        jvmEnv.forEach((name, value) -> {
            if (inherited(name)) {
                env.put(name, value);
            }
        });
        env.putAll(commandEnv);
        return env;
    }

    /** The environment of a child of this JVM: {@link #of} with {@link System#getenv()}. */
    public static Map<String, String> forCommand(Map<String, String> commandEnv) {
        return of(System.getenv(), commandEnv);
    }

    /** True when a child inherits {@code name} from the JVM: one of {@link #INHERITED} or an {@code LC_*} name. */
    public static boolean inherited(String name) {
        return INHERITED.contains(name) || name.startsWith("LC_");
    }

    /**
     * Checks that a command sets only allowed variables: {@link #COMMAND_NAMES} and {@code LC_*}.
     *
     * @throws IllegalArgumentException naming the first variable that is not allowed (never its value)
     */
    public static void requireAllowed(Map<String, String> commandEnv) {
        for (String name : commandEnv.keySet()) {
            if (!COMMAND_NAMES.contains(name) && !name.startsWith("LC_")) {
                throw new IllegalArgumentException("a child process may not be given the environment variable "
                        + name + " (allowed: " + new java.util.TreeSet<>(COMMAND_NAMES)
                        + " and LC_*); pass a secret through a private file instead");
            }
        }
    }
}
