package io.bulwark.engines.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the {@link LocalInstanceDirectory instance directories} of one kind of server that a JVM left behind when
 * it died: the directories under a work directory whose name starts with the kind's prefix and that are {@link
 * LocalInstanceDirectory#isOrphan orphans}. The server still running in one, named by its pid file, is killed first.
 * Instances of live JVMs, this one's or another's, are left alone. Immutable and thread-safe; two reapers working on
 * the same directory at once may both try to delete an orphan, which is harmless.
 */
public final class OrphanReaper {

    /** How long to wait for a killed server to exit before deleting its directory anyway. */
    static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(OrphanReaper.class);

    private final String prefix;
    private final String serverPidFile;
    private final Predicate<ProcessHandle> isServer;
    private final Duration unownedAge;

    /**
     * @param prefix start of the directory names of this kind, e.g. {@code bulwark-mariadb-}; not blank
     * @param serverPidFile where the server's pid file lies, relative to the instance directory, e.g. {@code
     *     data/postmaster.pid}
     * @param isServer whether the live process named by the pid file is this kind's server (a pid may have been
     *     reused since the owner died); only then is it killed
     * @param unownedAge how old a directory without an owner marker must be to be removed (see {@link
     *     LocalInstanceDirectory#isOrphan})
     * @throws IllegalArgumentException when {@code prefix} is blank or {@code serverPidFile} is absolute
     */
    public OrphanReaper(String prefix, String serverPidFile, Predicate<ProcessHandle> isServer, Duration unownedAge) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.serverPidFile = Objects.requireNonNull(serverPidFile, "serverPidFile");
        this.isServer = Objects.requireNonNull(isServer, "isServer");
        this.unownedAge = Objects.requireNonNull(unownedAge, "unownedAge");
        if (prefix.isBlank()) {
            throw new IllegalArgumentException("prefix must not be blank");
        }
        if (Path.of(serverPidFile).isAbsolute()) {
            throw new IllegalArgumentException("serverPidFile must be relative but was " + serverPidFile);
        }
    }

    /**
     * Removes the orphans under {@code workDir}: kills the server each one's pid file names (if it runs and {@code
     * isServer} says it is the server, waiting up to 10 s for it to exit) and deletes the
     * directory (best effort: what cannot be deleted is logged and left). Never throws; a work directory that cannot
     * be listed is logged and counts as holding none.
     *
     * @param workDir the directory the instances were created under; missing is fine
     * @return how many orphan directories were removed
     */
    public int reap(Path workDir) {
        if (!Files.isDirectory(workDir)) {
            return 0;
        }
        List<Path> candidates;
        try (Stream<Path> entries = Files.list(workDir)) {
            candidates = entries.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p))
                    .toList();
        } catch (IOException e) {
            log.warn("cannot list {} for orphan {}* instances: {}", workDir, prefix, e.toString());
            return 0;
        }
        int reaped = 0;
        for (Path dir : candidates) {
            LocalInstanceDirectory instance = LocalInstanceDirectory.of(dir);
            if (!instance.isOrphan(unownedAge)) {
                continue;
            }
            PidFile.liveProcess(dir.resolve(serverPidFile)).filter(isServer).ifPresent(OrphanReaper::kill);
            instance.delete();
            log.info("removed orphan instance {} (its JVM is gone)", dir);
            reaped++;
        }
        return reaped;
    }

    private static void kill(ProcessHandle server) {
        if (!LocalServers.kill(server, KILL_WAIT)) {
            log.warn("orphan server pid {} did not exit within {} after SIGKILL", server.pid(), KILL_WAIT);
        }
    }
}
