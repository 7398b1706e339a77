package io.bulwark.engines.postgres;

import io.bulwark.engines.process.LocalInstanceDirectory;
import io.bulwark.engines.process.LocalServers;
import io.bulwark.engines.process.OrphanReaper;
import io.bulwark.engines.process.ServerUser;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pristine {@code initdb} result that sandboxes copy instead of running {@code initdb} each (about 1.5 s of CPU
 * each). One template per work directory and (server binaries, superuser, OS user): {@code
 * <workDir>/bulwark-pgtpl-<hash>/data}. The first sandbox that needs it runs {@code initdb} once into a build
 * directory ({@code bulwark-pgtpl-build-<random>}, marked with its JVM's pid) and renames it into place atomically,
 * under a lock held within the JVM and a file lock ({@code bulwark-pgtpl-<hash>.lock}) across JVMs sharing the work
 * directory. A template is never started as a server and never written after the rename. When this JVM runs as root
 * its files belong to the JVM's user (0700/0600), so the sandbox OS account, which runs whatever a restored artifact
 * makes the server run, can neither read nor change it; each copy is handed to that account.
 *
 * <p>The template's superuser password is random and forgotten at once: every sandbox gets its own ({@link
 * SuperuserPassword}). The names never start with {@link LocalPostgresInstance#SANDBOX_PREFIX}, so the reaper of
 * orphan sandboxes leaves templates alone; build directories of dead JVMs are removed by {@link #reapOrphanBuilds}.
 * A template that turned out unusable is {@link #discard discarded} and made again by the next sandbox; after {@value
 * #MAX_FAILURES} failures in a row it is no longer used in this JVM. Thread-safe.
 */
final class InitdbTemplate {

    /** Prefix of template directories under a work directory; not a prefix of a sandbox's. */
    static final String PREFIX = LocalPostgresInstance.TEMPLATE_PREFIX;

    /** Prefix of the directories a template is built in (and of discarded templates being deleted). */
    static final String BUILD_PREFIX = PREFIX + "build-";

    /** Consecutive failures after which a template is no longer used in this JVM. */
    static final int MAX_FAILURES = 3;

    /** Makes a cluster with {@code initdb} in an empty or missing data directory, as the given OS user. */
    @FunctionalInterface
    interface Initdb {

        /**
         * @param dataDir the data directory to create; its parent exists and may be handed to the server's user
         * @throws LocalPostgresException when {@code initdb} fails
         */
        void run(Path dataDir);
    }

    private static final Logger log = LoggerFactory.getLogger(InitdbTemplate.class);
    private static final OrphanReaper BUILD_REAPER =
            new OrphanReaper(BUILD_PREFIX, "data/postmaster.pid", p -> false, Duration.ofMinutes(10));
    private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
    private static final Map<Path, AtomicInteger> FAILURES = new ConcurrentHashMap<>();
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final Path dir;
    private final ServerUser user;

    private InitdbTemplate(Path dir, ServerUser user) {
        this.dir = dir;
        this.user = user;
    }

    /**
     * The template for sandboxes under {@code workDir} run with the binaries in {@code binDir}, superuser {@code
     * superuser} and OS user {@code user}; nothing is made yet. A change of the {@code postgres} binary (size or
     * modification time, e.g. after an upgrade) selects another template.
     *
     * @throws LocalPostgresException when {@code binDir}'s {@code postgres} binary cannot be read
     */
    static InitdbTemplate forSandboxes(Path workDir, Path binDir, String superuser, ServerUser user) {
        String key;
        try {
            Path postgres = binDir.resolve("postgres").toRealPath();
            key = String.join(
                    "\n",
                    postgres.toString(),
                    Long.toString(Files.size(postgres)),
                    Files.getLastModifiedTime(postgres).toString(),
                    superuser,
                    user.name(),
                    Boolean.toString(user.switching()));
        } catch (IOException e) {
            throw new LocalPostgresException("cannot read the PostgreSQL binaries in " + binDir + ": " + e, e);
        }
        Path dir = workDir.toAbsolutePath().normalize().resolve(PREFIX + hash(key));
        return new InitdbTemplate(dir, user);
    }

    /** The template's data directory; it exists once a sandbox has been made from the template. */
    Path dataDir() {
        return dir.resolve("data");
    }

    /** False once the template failed {@value #MAX_FAILURES} times in a row in this JVM: sandboxes run initdb then. */
    boolean enabled() {
        return failures().get() < MAX_FAILURES;
    }

    /**
     * Makes the template when it is missing (running {@code initdb} once, see the class comment), then copies its
     * files into {@code target}, keeping their modes (the data directory is 0700) and, when the JVM runs as root,
     * handing each to the server's OS user.
     *
     * @param target the new data directory; must not exist, its parent must
     * @param initdb runs {@code initdb} for the template (as the server's user, durably)
     * @throws LocalPostgresException when {@code initdb} fails
     * @throws IOException when the template cannot be built, locked or copied; part of {@code target} may exist then
     */
    void copyInto(Path target, Initdb initdb) throws IOException {
        ensureExists(initdb);
        UserPrincipal owner = user.switching() ? principal(user.name()) : null;
        Path source = dataDir();
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(d).toString());
                Files.createDirectory(copy);
                Files.setPosixFilePermissions(
                        copy, Files.readAttributes(d, PosixFileAttributes.class).permissions());
                chown(copy, owner);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                if (!attrs.isSymbolicLink()) {
                    chown(copy, owner);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Notes a successful sandbox start from the template: the count of failures in a row starts again. */
    void succeeded() {
        failures().set(0);
    }

    /**
     * Notes that a sandbox could not be made from the template and removes the template, so that the next sandbox
     * makes it again; logs the reason at WARN the first time in this JVM (later at INFO). Never throws.
     *
     * @param reason what went wrong
     */
    void discard(Exception reason) {
        int failed = failures().incrementAndGet();
        String message = "cannot make a PostgreSQL sandbox from the initdb template {}, running initdb instead"
                + (failed >= MAX_FAILURES ? " (the template is not used again in this JVM)" : "") + ": {}";
        if (WARNED.compareAndSet(false, true)) {
            log.warn(message, dir, reason.toString());
        } else {
            log.info(message, dir, reason.toString());
        }
        ReentrantLock lock = lock();
        lock.lock();
        try (FileChannel channel = lockFile();
                FileLock ignored = channel.lock()) {
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Path trash = dir.resolveSibling(
                        BUILD_PREFIX + LocalServers.newPassword().substring(0, 12));
                Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
                LocalInstanceDirectory.deleteQuietly(trash);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("cannot remove the initdb template {}: {}", dir, e.toString());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes the build directories under {@code workDir} whose JVM died before it finished the template, or that have
     * no owner and are older than 10 minutes (see {@link OrphanReaper#reap}). Never throws.
     *
     * @return how many were removed
     */
    static int reapOrphanBuilds(Path workDir) {
        return BUILD_REAPER.reap(workDir);
    }

    private boolean usable() {
        Path data = dataDir();
        return Files.isRegularFile(data.resolve("PG_VERSION"))
                && Files.isRegularFile(data.resolve("global/pg_control"));
    }

    private void ensureExists(Initdb initdb) throws IOException {
        if (usable()) {
            return;
        }
        ReentrantLock lock = lock();
        lock.lock();
        try (FileChannel channel = lockFile();
                FileLock ignored = channel.lock()) {
            if (!usable()) {
                build(initdb);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs initdb into a build directory and renames it into place; called under both locks. */
    private void build(Initdb initdb) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("the initdb template " + dir + " exists but is incomplete");
        }
        Path build =
                LocalInstanceDirectory.create(dir.getParent(), BUILD_PREFIX).path();
        try {
            initdb.run(build.resolve("data"));
            if (user.switching()) {
                UserPrincipal jvmUser = Files.getOwner(build.resolve(LocalInstanceDirectory.OWNER_FILE));
                Files.walkFileTree(build, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                        chown(d, jvmUser);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        chown(file, jvmUser);
                        return FileVisitResult.CONTINUE;
                    }
                });
            }
            Files.setPosixFilePermissions(build, PosixFilePermissions.fromString("rwx------"));
            Files.delete(build.resolve(LocalInstanceDirectory.OWNER_FILE));
            Files.move(build, dir, StandardCopyOption.ATOMIC_MOVE);
            log.info("made the initdb template {} for PostgreSQL sandboxes", dir);
        } finally {
            LocalInstanceDirectory.deleteQuietly(build);
        }
    }

    private ReentrantLock lock() {
        return LOCKS.computeIfAbsent(dir, d -> new ReentrantLock());
    }

    private AtomicInteger failures() {
        return FAILURES.computeIfAbsent(dir, d -> new AtomicInteger());
    }

    private FileChannel lockFile() throws IOException {
        Files.createDirectories(dir.getParent());
        return FileChannel.open(
                dir.resolveSibling(dir.getFileName() + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    private static void chown(Path path, UserPrincipal owner) throws IOException {
        if (owner != null) {
            Files.setOwner(path, owner);
        }
    }

    private static UserPrincipal principal(String name) throws IOException {
        return java.nio.file.FileSystems.getDefault()
                .getUserPrincipalLookupService()
                .lookupPrincipalByName(name);
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256", e);
        }
    }
}
