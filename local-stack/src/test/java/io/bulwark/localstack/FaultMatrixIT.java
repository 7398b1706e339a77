package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Topics;
import io.bulwark.embedded.PostgresDatabases;
import io.bulwark.engines.postgres.LocalPostgresInstance;
import io.bulwark.engines.process.PidFile;
import io.bulwark.engines.process.ProcessRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the verifier's sandboxes and of a source database, on one stack of real components: Kafka and S3Proxy in
 * this JVM, the scheduler, dump-worker and verifier jars as child JVMs, the machine's PostgreSQL for the services' state
 * and two sources, and a throwaway PostgreSQL instance as a third source that the test stops and starts. The
 * verifier's sandboxes live on a 136 MB tmpfs of their own (mounted when the test runs as root; the disk-full case
 * needs it), and its {@code pg_restore} is a wrapper that, when the test arms it, stalls instead of restoring, so that
 * the verifier is killed in the middle of a sandbox restore. Every consumer runs with a short Kafka session, so that a
 * restarted verifier is given its record again soon; the verifier makes one attempt per verification.
 */
class FaultMatrixIT {

    private static final String KILLED = "killed";
    private static final String DOWN = "down";
    private static final String FULL = "full";
    private static final String VERIFIER_GROUP = "bulwark-verifier";
    /**
     * The sandbox file system's size: the sandboxes' {@code initdb} template takes about 40 MB, and a sandbox about 47
     * MB before the restore.
     */
    private static final String TMPFS_SIZE = "136m";
    /** Rows of the {@value #FULL} source: about 60 MB of table, and as much WAL when restored. */
    private static final int FULL_ROWS = 700_000;

    private static final Duration BACKUP_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration OUTCOME_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    static Path work;

    static final PostgresDatabases pg = PostgresDatabases.local();
    static Path shared;
    static Path sandboxes;
    static boolean tmpfs;
    static Path armed;
    static String stateDb;
    static String killedDb;
    static String fullDb;
    static LocalPostgresInstance downSource;
    static Path downData;
    static Stack stack;
    static SchedulerClient scheduler;
    static KafkaTopics topics;
    static final long started = System.nanoTime();

    @BeforeAll
    static void startTheStack() throws IOException {
        Path home = DumpWorkerCluster.repositoryRoot();
        assertThat(Stack.missingJars(home))
                .as("the service jars are built first (./mvnw -B -DskipTests package)")
                .isEmpty();
        // the sandbox account and postgres must traverse these: not under the 0700 @TempDir
        shared = Files.createTempDirectory("bulwark-faults-");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        sandboxes = shared.resolve("sandboxes");
        Stack.createTraversableDirectory(sandboxes);
        tmpfs = mountTmpfs(sandboxes);
        armed = shared.resolve("stall-armed");
        Path binDir = stallingPgRestoreBinDir(shared.resolve("pg-bin"), armed);

        killedDb = pg.createUnique("faults_killed");
        pg.execute(
                killedDb,
                "CREATE TABLE item (id int PRIMARY KEY, name text);"
                        + " INSERT INTO item SELECT g, 'item ' || g FROM generate_series(1, 500) g;");
        fullDb = pg.createUnique("faults_full");
        CompletableFuture<Void> filled = CompletableFuture.runAsync(() -> pg.execute(
                fullDb,
                "CREATE TABLE payload (id bigint PRIMARY KEY, body text NOT NULL);"
                        + " INSERT INTO payload SELECT g, md5(g::text) || md5((g * 7)::text)"
                        + " FROM generate_series(1, " + FULL_ROWS + ") g;"));
        Path downHome = shared.resolve("down");
        Stack.createTraversableDirectory(downHome);
        downData = downHome.resolve("data");
        downSource = LocalPostgresInstance.start(
                downData, LocalPostgresInstance.Options.persistent().withDurable(false), new ProcessRunner());
        downSource.createDatabase("shop");
        try (var c = downSource.connect("shop");
                var st = c.createStatement()) {
            st.execute("CREATE TABLE orders (id int PRIMARY KEY, total numeric);"
                    + " INSERT INTO orders SELECT g, g * 1.5 FROM generate_series(1, 100) g;");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        Path downPassword = ConfigFile.writeSecret(work.resolve("down.password"), downSource.password());

        Path settings = Files.writeString(work.resolve("faults.yml"), """
                bulwark:
                  dump-worker:
                    # the warm-up only shortens the first capture after a start; these tests need none
                    warm-up: false
                  verifier:
                    sandbox:
                      work-dir: %s
                      pg-bin-dir: %s
                    retry:
                      attempts: 1
                spring:
                  cloud:
                    stream:
                      kafka:
                        binder:
                          consumer-properties:
                            session.timeout.ms: 10000
                            heartbeat.interval.ms: 2000
                """.formatted(sandboxes, binDir));
        stateDb = pg.createUnique("faults_state");
        PostgresLocation state = new PostgresLocation(pg.host(), pg.port(), stateDb, pg.username(), null);
        stack = Stack.start(new Stack.Settings(
                work.resolve("stack"),
                home,
                false,
                state,
                null,
                List.of(settings),
                Duration.ofMinutes(20),
                System.out));
        filled.join();
        stack.startServices(
                List.of(
                        new ConfigFile.Target(
                                KILLED, state.withDatabase(killedDb).toDatabaseLocation(), null),
                        new ConfigFile.Target(FULL, state.withDatabase(fullDb).toDatabaseLocation(), null),
                        new ConfigFile.Target(
                                DOWN,
                                new DatabaseLocation(
                                        DatabaseLocation.Engine.POSTGRESQL,
                                        downSource.host(),
                                        downSource.port(),
                                        "shop",
                                        downSource.username(),
                                        null),
                                downPassword)),
                List.of(),
                EnumSet.of(BulwarkService.SCHEDULER, BulwarkService.DUMP_WORKER, BulwarkService.VERIFIER));
        scheduler = stack.schedulerClient();
        topics = new KafkaTopics(stack);
        log("services UP (sandboxes on " + (tmpfs ? "a " + TMPFS_SIZE + " tmpfs" : "the disk") + ")");
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (topics != null) {
            topics.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (downSource != null) {
            downSource.stop();
        }
        for (String db : new String[] {stateDb, killedDb, fullDb}) {
            if (db != null) {
                pg.drop(db);
            }
        }
        if (tmpfs) {
            new ProcessRunner().run(ProcessRunner.Command.of(Duration.ofSeconds(30), "umount", sandboxes.toString()));
        }
        if (shared != null) {
            io.bulwark.engines.process.LocalInstanceDirectory.deleteQuietly(shared);
        }
    }

    @Test
    void aVerifierKilledMidSandboxRestoreIsReapedAtRestartAndTheBackupVerifiedExactlyOnce() throws IOException {
        Files.writeString(armed, "armed");
        UUID backupId = scheduler.requestBackup(KILLED, "killed");
        Path sandbox = await(
                "a sandbox under " + sandboxes + " with pg_restore stalled in it",
                OUTCOME_TIMEOUT,
                () -> Files.exists(armed)
                        ? Optional.empty()
                        : sandboxDirs().stream().findFirst());
        long verifierPid = stack.service(BulwarkService.VERIFIER).pid();
        await(
                "the stalled pg_restore, a child of the verifier (pid " + verifierPid + ")",
                OUTCOME_TIMEOUT,
                () -> ProcessHandle.of(verifierPid)
                        .flatMap(v -> v.descendants()
                                .filter(d -> d.info().commandLine().orElse("").contains("sleep"))
                                .findFirst()));
        Optional<ProcessHandle> sandboxServer = PidFile.liveProcess(sandbox.resolve("data/postmaster.pid"));
        assertThat(sandboxServer).as("the sandbox's server").isPresent();

        log("verifying " + backupId + " in " + sandbox + "; killing the verifier");
        stack.kill(BulwarkService.VERIFIER);
        assertThat(sandbox).as("the sandbox the killed verifier left").isDirectory();
        assertThat(sandboxServer.get().isAlive())
                .as("its server, no child of the verifier")
                .isTrue();
        assertThat(verdicts(backupId)).as("BackupVerified before the restart").isEmpty();

        ServiceProcess restarted = stack.restart(BulwarkService.VERIFIER);
        SchedulerClient.BackupStatus verified = scheduler
                .await(backupId, SchedulerClient.FINAL_STATES, OUTCOME_TIMEOUT)
                .orElseThrow(() -> new AssertionError("the scheduler never showed backup " + backupId));
        topics.awaitCommitted(VERIFIER_GROUP, Topics.BACKUP_COMPLETED, OUTCOME_TIMEOUT);
        log("backup " + verified.state() + " after the restart");

        assertThat(verified.state()).as(verified.json()).isEqualTo("VERIFIED");
        assertThat(verdicts(backupId))
                .as("BackupVerified of backup %s", backupId)
                .singleElement()
                .satisfies(v -> assertThat(v.outcome()).isEqualTo(Outcome.PASSED));
        assertThat(sandbox).as("the orphan sandbox").doesNotExist();
        assertThat(sandboxServer.get().isAlive())
                .as("the orphan sandbox's server")
                .isFalse();
        assertThat(sandboxDirs()).as("sandboxes left").isEmpty();
        assertThat(Files.readString(restarted.logFile()))
                .as("the verifier's log")
                .contains("removed orphan instance " + sandbox);
    }

    @Test
    void aBackupOfAnUnreachableSourceFailsClearlyAndTheNextOneOnceItIsBackIsVerified() {
        downSource.stop();
        UUID refused = scheduler.requestBackup(DOWN, "down");
        SchedulerClient.BackupStatus failed = scheduler
                .await(refused, SchedulerClient.FINAL_STATES, BACKUP_TIMEOUT)
                .orElseThrow(() -> new AssertionError("the scheduler never showed backup " + refused));
        log("backup of the stopped source " + failed.state() + ": " + failed.failureMessage());

        downSource = LocalPostgresInstance.start(
                downData,
                LocalPostgresInstance.Options.persistent().withDurable(false).withPort(downSource.port()),
                new ProcessRunner());
        UUID verifiedId = scheduler.requestBackup(DOWN, "down");
        SchedulerClient.BackupStatus verified = scheduler
                .await(verifiedId, SchedulerClient.FINAL_STATES, BACKUP_TIMEOUT)
                .orElseThrow(() -> new AssertionError("the scheduler never showed backup " + verifiedId));
        log("backup of the started source " + verified.state());

        assertThat(failed.state()).as(failed.json()).isEqualTo("FAILED");
        assertThat(failed.failureReason()).as(failed.json()).isEqualTo(FailureReason.CONNECTION_REFUSED.name());
        assertThat(failed.failureMessage())
                .as("names the source's port, not its password: %s", failed.json())
                .contains(String.valueOf(downSource.port()))
                .doesNotContain(downSource.password());
        List<BackupFailed> failures = topics.events(Topics.BACKUP_FAILED, BackupFailed.class).stream()
                .filter(f -> refused.equals(f.backupId()))
                .toList();
        assertThat(failures).as("BackupFailed of backup %s", refused).singleElement();
        assertThat(verified.state()).as(verified.json()).isEqualTo("VERIFIED");
        assertThat(verdicts(verifiedId))
                .as("BackupVerified of backup %s", verifiedId)
                .hasSize(1);
    }

    @Test
    void aSandboxThatRunsOutOfDiskIsAnErrorNotAFailedBackupAndItsSpaceIsFreed() throws IOException {
        assumeThat(tmpfs).as("a tmpfs for the sandboxes (mount needs root)").isTrue();
        long freeBefore = Files.getFileStore(sandboxes).getUsableSpace();
        UUID backupId = scheduler.requestBackup(FULL, "full");
        SchedulerClient.BackupStatus status = scheduler
                .await(backupId, SchedulerClient.FINAL_STATES, BACKUP_TIMEOUT)
                .orElseThrow(() -> new AssertionError("the scheduler never showed backup " + backupId));
        log("backup of the large source " + status.state());

        assertThat(status.state()).as(status.json()).isEqualTo("VERIFICATION_ERROR");
        BackupVerified verdict = verdicts(backupId).stream()
                .reduce((a, b) -> {
                    throw new AssertionError("two verdicts of backup " + backupId);
                })
                .orElseThrow();
        assertThat(verdict.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(verdict.checks()).extracting(CheckResult::status).doesNotContain(CheckStatus.FAILED);
        assertThat(verdict.checks())
                .filteredOn(c -> c.name().equals("restore"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo(CheckStatus.ERROR);
                    assertThat(c.detail())
                            .startsWith("the destination ran out of disk space")
                            .contains("No space left on device");
                });
        assertThat(sandboxDirs()).as("sandboxes left").isEmpty();
        assertThat(Files.getFileStore(sandboxes).getUsableSpace())
                .as("free space on the sandboxes' file system")
                .isGreaterThanOrEqualTo(freeBefore);
    }

    private static List<BackupVerified> verdicts(UUID backupId) {
        return topics.events(Topics.BACKUP_VERIFIED, BackupVerified.class).stream()
                .filter(v -> backupId.equals(v.backupId()))
                .toList();
    }

    private static List<Path> sandboxDirs() {
        try (Stream<Path> dirs = Files.list(sandboxes)) {
            return dirs.filter(p -> p.getFileName().toString().startsWith(LocalPostgresInstance.SANDBOX_PREFIX))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Mounts a {@value #TMPFS_SIZE} tmpfs on {@code dir}; false when that is not allowed (not root). */
    private static boolean mountTmpfs(Path dir) {
        ProcessRunner.Result r = new ProcessRunner()
                .run(ProcessRunner.Command.of(
                        Duration.ofSeconds(30),
                        "mount",
                        "-t",
                        "tmpfs",
                        "-o",
                        "size=" + TMPFS_SIZE + ",mode=0755",
                        "bulwark-faults",
                        dir.toString()));
        if (!r.succeeded()) {
            System.out.println("FaultMatrixIT: no tmpfs for the sandboxes: " + r.stderr());
        }
        return r.succeeded();
    }

    /**
     * A PostgreSQL bin directory: links to the machine's newest binaries, but for a {@code pg_restore} that, while
     * {@code armed} exists, removes it and sleeps (the test kills it) instead of restoring; {@code --list} and
     * {@code --version} always go to the real one.
     */
    private static Path stallingPgRestoreBinDir(Path dir, Path armed) throws IOException {
        Path real = LocalPostgresInstance.findBinDir(null);
        Stack.createTraversableDirectory(dir);
        try (Stream<Path> tools = Files.list(real)) {
            for (Path tool : tools.toList()) {
                if (!tool.getFileName().toString().equals("pg_restore")) {
                    Files.createSymbolicLink(dir.resolve(tool.getFileName()), tool);
                }
            }
        }
        Path wrapper = dir.resolve("pg_restore");
        Files.writeString(
                wrapper,
                "#!/bin/bash\n"
                        + "# FaultMatrixIT: a pg_restore that stalls once when armed\n"
                        + "case \" $* \" in *' --list '*|*' --version '*) exec '" + real.resolve("pg_restore")
                        + "' \"$@\";; esac\n"
                        + "if rm '" + armed + "' 2>/dev/null; then exec sleep 600; fi\n"
                        + "exec '" + real.resolve("pg_restore") + "' \"$@\"\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private static void log(String what) {
        System.out.println("FaultMatrixIT: " + what + " after " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                ServiceProcess verifier = stack.service(BulwarkService.VERIFIER);
                throw new AssertionError("not within " + timeout + ": " + what
                        + (verifier == null ? "" : "; verifier log:\n" + verifier.logTail(6000)));
            }
            DumpWorkerCluster.sleep(200);
        }
    }
}
