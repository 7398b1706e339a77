package io.bulwark.engines.process;

import io.bulwark.engines.process.ProcessRunner.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The OS user a local database server runs as. PostgreSQL and MariaDB refuse to run as root, so when this JVM runs as
 * root their programs run as the unprivileged user {@code name}: wrapped in {@code runuser} ({@link #command}), or,
 * for a server that switches user itself, told so by the engine; the files they write are handed to that user
 * ({@link #handOver}), and the directories above them must let that user through ({@link #requireTraversable}).
 * Otherwise programs run as the JVM's own user and all three are no-ops.
 *
 * <p>This is the one place that decides how a program runs as another user: running servers as a dedicated user
 * with an allow-listed environment changes this class and the user name the engines pass in.
 *
 * @param name the unprivileged OS user, e.g. {@code postgres}; not blank
 * @param switching true when programs run as {@code name} (this JVM runs as root), false when they run as this JVM's
 *     user
 */
public record ServerUser(String name, boolean switching) {

    public ServerUser {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.startsWith("-")) {
            throw new IllegalArgumentException("OS user must be a user name but was '" + name + "'");
        }
    }

    /**
     * The user for servers started by this JVM: {@code name}, switched to when this JVM runs as root ({@link
     * LocalServers#runningAsRoot}).
     *
     * @param name the unprivileged OS user to run as when this JVM runs as root
     */
    public static ServerUser forThisJvm(String name) {
        return new ServerUser(name, LocalServers.runningAsRoot());
    }

    /**
     * A command that runs {@code argv} as this user: {@code runuser -u <name> -- <argv>} when switching, {@code argv}
     * as it is otherwise. The environment is the allow-listed one of every child ({@link ChildEnvironment}); {@code
     * runuser} sets {@code HOME}, {@code USER}, {@code LOGNAME} and {@code SHELL} to the user's.
     *
     * @param argv program and arguments; never a password
     * @param timeout how long the program may run ({@link Command#timeout()})
     */
    public Command command(List<String> argv, Duration timeout) {
        List<String> full = new ArrayList<>();
        if (switching) {
            full.addAll(List.of("runuser", "-u", name, "--"));
        }
        full.addAll(argv);
        return new Command(full, Map.of(), timeout);
    }

    /**
     * Checks, when switching, that this user can reach {@code dir}: every existing ancestor of it must grant others
     * execute permission or belong to this user. Does nothing when not switching.
     *
     * @param dir the directory the server will use; it and missing ancestors are not checked
     * @param server the server's name for the message, e.g. {@code PostgreSQL}
     * @param error makes the exception to throw from a message and a cause (null when there is none), e.g. {@code
     *     LocalPostgresException::new}
     * @throws RuntimeException made by {@code error} when an ancestor is not traversable (the message names it, its
     *     mode and this user) or its permissions cannot be read
     */
    public void requireTraversable(
            Path dir, String server, BiFunction<String, Throwable, ? extends RuntimeException> error) {
        if (!switching) {
            return;
        }
        for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (!Files.exists(p)) {
                continue;
            }
            try {
                var perms = Files.getPosixFilePermissions(p);
                boolean ownedByUser = Files.getOwner(p).getName().equals(name);
                if (!ownedByUser && !perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw error.apply(
                            "directory " + p + " (mode " + PosixFilePermissions.toString(perms)
                                    + ") is not traversable by OS user " + name + ", who runs " + server
                                    + " because this JVM runs as root; use a directory under /tmp or run chmod o+x "
                                    + p,
                            null);
                }
            } catch (IOException e) {
                throw error.apply("cannot check permissions of " + p + ": " + e, e);
            }
        }
    }

    /**
     * Makes this user the owner of {@code paths} when switching, so that the server can write them; does nothing
     * otherwise. Only the paths themselves change owner, not what is below them.
     *
     * @param paths existing files or directories
     * @throws IOException when the user does not exist or an owner cannot be changed
     */
    public void handOver(Path... paths) throws IOException {
        if (!switching) {
            return;
        }
        for (Path path : paths) {
            UserPrincipal owner =
                    path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
            Files.setOwner(path, owner);
        }
    }
}
