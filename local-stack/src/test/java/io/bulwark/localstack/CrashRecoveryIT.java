package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.Trigger;
import io.bulwark.embedded.PostgresDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dump-worker killed with SIGKILL in the middle of a dump, on real components: Kafka and S3Proxy in this JVM, the
 * dump-worker jar as child JVMs, the machine's PostgreSQL as the source. The dump is made long and observable by a
 * {@code pg_dump} wrapper that, on its first run, emits the first 16 MB of the real dump and then stalls, so that the
 * worker has uploaded a first 5 MB part of its multipart upload when it is killed.
 */
class CrashRecoveryIT {

    private static final String CRASH_TARGET = "crash";
    private static final String EXHAUSTED_TARGET = "exhausted";
    /** Rows of {@code public.payload}: about 32 MB of pg_dump output, 16 MB once zstd has compressed it. */
    private static final int PAYLOAD_ROWS = 300_000;
    /** Bytes of dump the wrapper emits before it stalls: about 8 MB after zstd, more than one 5 MB part. */
    private static final long BYTES_BEFORE_STALL = 16_000_000;

    private static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern ATTEMPTS = Pattern.compile("\"attempts\"\\s*:\\s*(\\d+)");

    @TempDir
    static Path work;

    static final PostgresDatabases pg = PostgresDatabases.local();
    static String sourceDb;
    static Map<String, Long> sourceRows;
    static Path pgDumpWrapper;
    static Path firstDumpMarker;
    static DumpWorkerCluster cluster;
    static MinioObjectStore store;

    @BeforeAll
    static void startKafkaS3AndFillTheSource() throws IOException {
        assertThat(Stack.missingJars(DumpWorkerCluster.repositoryRoot()))
                .as("the service jars are built first (./mvnw -B -DskipTests package)")
                .isEmpty();
        sourceDb = pg.createUnique("crash_it");
        pg.execute(
                sourceDb,
                "CREATE TABLE payload (id bigint PRIMARY KEY, body text NOT NULL);"
                        + " INSERT INTO payload SELECT g, md5(g::text) || md5((g * 7)::text) || md5((g * 13)::text)"
                        + " FROM generate_series(1, " + PAYLOAD_ROWS + ") g;"
                        + " CREATE TABLE note (id int PRIMARY KEY, text text);"
                        + " INSERT INTO note SELECT g, 'note ' || g FROM generate_series(1, 17) g;");
        sourceRows = Map.of(
                "public.payload", pg.countRows(sourceDb, "public.payload"),
                "public.note", pg.countRows(sourceDb, "public.note"));
        firstDumpMarker = work.resolve("first-dump-started");
        pgDumpWrapper = writePgDumpWrapper(work.resolve("pg_dump-stalling-once"), newestPgDump(), firstDumpMarker);
        cluster = DumpWorkerCluster.start(work, 3);
        store = cluster.store();
    }

    @AfterAll
    static void stopEverything() {
        if (cluster != null) {
            cluster.close();
        }
        if (sourceDb != null) {
            pg.drop(sourceDb);
        }
    }

    @Test
    void aWorkerKilledMidDumpLeavesNoBackupAndARestartedWorkerCompletesItExactlyOnceLeavingNothingElse()
            throws IOException {
        Path config = cluster.writeConfig(CRASH_TARGET, List.of(target(CRASH_TARGET)));
        List<String> settings =
                List.of("--bulwark.storage.part-size=5MB", "--bulwark.dump-worker.pg-dump-program=" + pgDumpWrapper);
        ServiceProcess first = cluster.startWorker("first", config, settings);
        BackupRequested request =
                BackupRequested.of(CRASH_TARGET, Trigger.MANUAL, null, "crash", Tier.ADHOC, "crash-recovery-it");
        UUID backupId = request.backupId();
        String targetPrefix = ObjectKeys.targetPrefix(CRASH_TARGET);
        String attemptKey = DumpWorkerCluster.attemptKey(CRASH_TARGET, backupId);
        cluster.publish(Topics.BACKUP_REQUESTED, request);

        List<String> abandoned = cluster.await(
                "an incomplete multipart upload under " + targetPrefix + " and the attempt record " + attemptKey,
                OUTCOME_TIMEOUT,
                () -> {
                    List<String> uploads = store.incompleteUploads(targetPrefix);
                    return uploads.isEmpty() || !store.exists(attemptKey) ? Optional.empty() : Optional.of(uploads);
                });
        assertThat(firstDumpMarker).as("the stalling first pg_dump ran").exists();
        assertThat(abandoned)
                .as("the dump being uploaded")
                .singleElement()
                .satisfies(key ->
                        assertThat(ObjectKeys.belongsTo(key, backupId)).as(key).isTrue());
        assertThat(store.list(targetPrefix))
                .as("objects of a dump in progress: no dump object, no manifest")
                .isEmpty();
        assertThat(attempts(attemptKey)).as("attempt record %s", attemptKey).isEqualTo(1);

        List<ProcessHandle> orphans = first.kill();
        assertThat(first.isAlive())
                .as("the worker (pid %d) after SIGKILL", first.pid())
                .isFalse();
        assertThat(orphans)
                .as("the pg_dump wrapper and its children the killed worker had started")
                .isNotEmpty()
                .noneMatch(ProcessHandle::isAlive);
        assertThat(store.list(targetPrefix))
                .as("what a killed worker leaves visible")
                .isEmpty();
        assertThat(store.incompleteUploads(targetPrefix))
                .as("what a killed worker leaves unseen")
                .isEqualTo(abandoned);
        assertThat(completionsOf(backupId))
                .as("BackupCompleted before the restart")
                .isEmpty();

        ServiceProcess second = cluster.startWorker("second", config, settings);
        BackupCompleted completed = cluster.await(
                "BackupCompleted of backup " + backupId + " after the restart",
                OUTCOME_TIMEOUT,
                () -> completionsOf(backupId).stream().findFirst());
        cluster.await(
                "the attempt record " + attemptKey + " removed once the backup completed",
                Duration.ofSeconds(30),
                () -> store.exists(attemptKey) ? Optional.empty() : Optional.of(true));
        cluster.awaitRequestsCommitted(Duration.ofSeconds(30));
        String secondLog = Files.readString(second.logFile());
        cluster.stop(second);

        List<BackupCompleted> completions = completionsOf(backupId);
        assertThat(completions)
                .as("BackupCompleted of backup %s on %s", backupId, Topics.BACKUP_COMPLETED)
                .hasSize(1);
        assertThat(completions.stream().map(BackupCompleted::eventId).distinct())
                .as("distinct event ids")
                .hasSize(1);
        assertThat(completions.stream().map(BackupCompleted::prefix).distinct())
                .as("artifact prefixes")
                .hasSize(1);
        assertThat(failuresOf(backupId))
                .as("BackupFailed of backup %s", backupId)
                .isEmpty();

        assertThat(completed.prefix()).isNotEqualTo(ObjectKeys.prefixOf(abandoned.getFirst()));
        assertThat(store.list(""))
                .as("every object in the bucket")
                .containsExactlyInAnyOrder(completed.artifact().key(), completed.manifestKey());
        assertThat(completed.artifact().key()).startsWith(completed.prefix());
        assertThat(completed.manifestKey()).isEqualTo(ObjectKeys.manifestKey(completed.prefix()));
        assertThat(store.size(completed.artifact().key()))
                .isEqualTo(completed.artifact().storedBytes());
        assertThat(completed.artifact().rawBytes())
                .as("the whole dump, not the stalled attempt's first bytes")
                .isGreaterThan(BYTES_BEFORE_STALL);
        assertThat(store.incompleteUploads("")).as("incomplete uploads left").isEmpty();
        assertThat(store.list(DumpWorkerCluster.ATTEMPTS_PREFIX))
                .as("attempt records left")
                .isEmpty();
        assertThat(filesOnDisk())
                .as(
                        "the files in S3Proxy's bucket folder %s (an unfinished upload's parts would be .mpus-* files)",
                        cluster.bucketFolder())
                .containsExactlyInAnyOrder(completed.artifact().key(), completed.manifestKey());

        Manifest manifest = ManifestJson.load(store, completed.manifestKey());
        assertThat(manifest.backupId()).isEqualTo(backupId);
        assertThat(manifest.inventory().tables().stream()
                        .collect(Collectors.toMap(TableInfo::qualifiedName, TableInfo::rows)))
                .as("the manifest's row counts")
                .isEqualTo(sourceRows);

        assertThat(secondLog)
                .as("the restarted worker's log")
                .contains("aborted 1 incomplete upload(s) of an earlier attempt under "
                        + ObjectKeys.prefixOf(abandoned.getFirst()))
                .contains("backup " + backupId + " of target " + CRASH_TARGET + " completed (attempt 2)");
    }

    @Test
    void aRequestWhoseOnlyAllowedAttemptDiedEndsAsAttemptsExhaustedWithNothingDumped() throws IOException {
        Path config = cluster.writeConfig(EXHAUSTED_TARGET, List.of(target(EXHAUSTED_TARGET)));
        BackupRequested request = BackupRequested.of(
                EXHAUSTED_TARGET, Trigger.MANUAL, null, "exhausted", Tier.ADHOC, "crash-recovery-it");
        UUID backupId = request.backupId();
        String targetPrefix = ObjectKeys.targetPrefix(EXHAUSTED_TARGET);
        String attemptKey = DumpWorkerCluster.attemptKey(EXHAUSTED_TARGET, backupId);
        // what a worker killed during the one attempt allowed leaves behind
        store.putBytes(
                attemptKey,
                ("{\"backupId\":\"" + backupId + "\",\"attempts\":1}").getBytes(StandardCharsets.UTF_8),
                "application/json");

        ServiceProcess worker =
                cluster.startWorker("exhausted", config, List.of("--bulwark.dump-worker.max-attempts=1"));
        cluster.publish(Topics.BACKUP_REQUESTED, request);
        BackupFailed failed = cluster.await(
                "BackupFailed of backup " + backupId,
                OUTCOME_TIMEOUT,
                () -> failuresOf(backupId).stream().findFirst());
        cluster.await(
                "the attempt record " + attemptKey + " removed once the backup failed",
                Duration.ofSeconds(30),
                () -> store.exists(attemptKey) ? Optional.empty() : Optional.of(true));
        cluster.awaitRequestsCommitted(Duration.ofSeconds(30));
        String log = Files.readString(worker.logFile());
        cluster.stop(worker);

        assertThat(failed.reason()).as(failed.message()).isEqualTo(FailureReason.ATTEMPTS_EXHAUSTED);
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.attempt()).isEqualTo(2);
        assertThat(failed.message()).contains("bulwark.dump-worker.max-attempts is 1");
        assertThat(failuresOf(backupId))
                .as("BackupFailed of backup %s", backupId)
                .hasSize(1);
        assertThat(completionsOf(backupId))
                .as("BackupCompleted of backup %s", backupId)
                .isEmpty();
        assertThat(store.list(targetPrefix))
                .as("objects of target " + EXHAUSTED_TARGET)
                .isEmpty();
        assertThat(store.incompleteUploads(targetPrefix)).isEmpty();
        assertThat(store.list(DumpWorkerCluster.ATTEMPTS_PREFIX + EXHAUSTED_TARGET + "/"))
                .as("attempt records left")
                .isEmpty();
        assertThat(log).doesNotContain("backup " + backupId + " of target " + EXHAUSTED_TARGET + ": dumping");
    }

    private static ConfigFile.Target target(String id) {
        return new ConfigFile.Target(
                id,
                new DatabaseLocation(
                        DatabaseLocation.Engine.POSTGRESQL, pg.host(), pg.port(), sourceDb, pg.username(), null),
                null);
    }

    private static List<BackupCompleted> completionsOf(UUID backupId) {
        return cluster.events(Topics.BACKUP_COMPLETED, BackupCompleted.class).stream()
                .filter(e -> e.backupId().equals(backupId))
                .toList();
    }

    private static List<BackupFailed> failuresOf(UUID backupId) {
        return cluster.events(Topics.BACKUP_FAILED, BackupFailed.class).stream()
                .filter(e -> backupId.equals(e.backupId()))
                .toList();
    }

    private static int attempts(String attemptKey) throws IOException {
        try (InputStream in = store.get(attemptKey)) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = ATTEMPTS.matcher(json);
            assertThat(m.find()).as(json).isTrue();
            return Integer.parseInt(m.group(1));
        }
    }

    /**
     * The regular files in S3Proxy's bucket folder, as keys: its filesystem store keeps an object as the file at its
     * key and the stub and parts of an unfinished multipart upload as {@code .mpus-<uploadId>-<key>-*} files.
     */
    private static List<String> filesOnDisk() throws IOException {
        Path bucket = cluster.bucketFolder();
        try (Stream<Path> files = Files.walk(bucket)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> bucket.relativize(p).toString())
                    .toList();
        }
    }

    /**
     * Writes a {@code pg_dump} that passes {@code --version} and every run after the first straight to {@code
     * realPgDump}; on its first dump it touches {@code marker}, emits the first {@value #BYTES_BEFORE_STALL} bytes of
     * the real dump and then stalls for 60 s (the test kills it long before), its output still open.
     */
    private static Path writePgDumpWrapper(Path file, Path realPgDump, Path marker) throws IOException {
        String script = "#!/bin/bash\n"
                + "# CrashRecoveryIT: a pg_dump whose first dump stalls after " + BYTES_BEFORE_STALL + " bytes\n"
                + "real='" + realPgDump + "'\n"
                + "marker='" + marker + "'\n"
                + "if [ \"$1\" = --version ] || [ -e \"$marker\" ]; then exec \"$real\" \"$@\"; fi\n"
                + "touch \"$marker\"\n"
                + "\"$real\" \"$@\" | { head -c " + BYTES_BEFORE_STALL + "; sleep 60; }\n"
                + "exit 1\n";
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    /** The newest {@code /usr/lib/postgresql/<major>/bin/pg_dump}, else {@code pg_dump} on the PATH. */
    private static Path newestPgDump() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.filter(
                                p -> p.getFileName().toString().matches("\\d+"))
                        .map(p -> p.resolve("bin").resolve("pg_dump"))
                        .filter(Files::isExecutable)
                        .max(Comparator.comparingInt(p -> Integer.parseInt(
                                p.getParent().getParent().getFileName().toString())));
                if (newest.isPresent()) {
                    return newest.get();
                }
            }
        }
        return Path.of("pg_dump");
    }
}
