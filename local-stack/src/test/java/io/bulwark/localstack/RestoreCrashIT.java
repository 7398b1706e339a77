package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.RestoreCompleted;
import io.bulwark.contracts.RestoreFailed;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.RestorePhase;
import io.bulwark.contracts.RestoreProgressed;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.RestoreState;
import io.bulwark.contracts.Topics;
import io.bulwark.embedded.PostgresDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A verifier killed with SIGKILL in the middle of a restore, on real components: Kafka and S3Proxy in this JVM, the
 * machine's PostgreSQL for the services' state, the source and the restore's destination, and the scheduler,
 * dump-worker and verifier jars as child JVMs. The source (a million rows with two text indexes) takes seconds to
 * restore, so that the verifier is killed while {@code pg_restore} writes. The verifier runs with a short heartbeat
 * timeout and sweep interval, and every consumer with a short Kafka session, so that the restarted verifier is given
 * the request again soon.
 */
class RestoreCrashIT {

    private static final String TARGET = "crash";
    private static final String DESTINATION = "local";
    private static final String VERIFIER_GROUP = "bulwark-verifier";
    /** Where the verifier keeps its ledger of running restores ({@code ObjectStoreRestoreLedger.PREFIX}). */
    private static final String LEDGER_PREFIX = "_bulwark/restores/";
    /** About 70 MB of rows; with the two text indexes the restore takes several seconds. */
    private static final int ROWS = 1_000_000;

    private static final Duration BACKUP_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    static Path work;

    static final PostgresDatabases pg = PostgresDatabases.local();
    static String stateDb;
    static String sourceDb;
    static Stack stack;
    static SchedulerClient scheduler;
    static KafkaTopics topics;
    static MinioObjectStore store;
    static SchedulerClient.BackupStatus backup;
    static final long started = System.nanoTime();

    @BeforeAll
    static void startTheStackAndBackUpALargeSource() throws IOException {
        Path home = DumpWorkerCluster.repositoryRoot();
        assertThat(Stack.missingJars(home))
                .as("the service jars are built first (./mvnw -B -DskipTests package)")
                .isEmpty();
        stateDb = pg.createUnique("restore_crash_state");
        sourceDb = pg.createUnique("restore_crash_src");
        // filled by PostgreSQL while the services start
        CompletableFuture<Void> filled = CompletableFuture.runAsync(() -> pg.execute(
                sourceDb,
                "CREATE TABLE payload (id bigint PRIMARY KEY, body text NOT NULL);"
                        + " INSERT INTO payload SELECT g, md5(g::text) || md5((g * 7)::text)"
                        + " FROM generate_series(1, " + ROWS + ") g;"
                        + " CREATE INDEX payload_body ON payload (body);"
                        + " CREATE INDEX payload_tail ON payload (substr(body, 20));"));
        Path settings = Files.writeString(work.resolve("restore-crash.yml"), """
                bulwark:
                  dump-worker:
                    # the warm-up only shortens the first capture after a start; this test needs none
                    warm-up: false
                  restore:
                    heartbeat-timeout: 10s
                    sweep-interval: PT2S
                    progress-interval: 1s
                spring:
                  cloud:
                    stream:
                      kafka:
                        binder:
                          consumer-properties:
                            session.timeout.ms: 10000
                            heartbeat.interval.ms: 2000
                """);
        PostgresLocation state = new PostgresLocation(pg.host(), pg.port(), stateDb, pg.username(), null);
        stack = Stack.start(new Stack.Settings(
                work.resolve("stack"), home, false, state, null, List.of(settings), Duration.ofMinutes(5), System.out));
        stack.startServices(
                List.of(new ConfigFile.Target(
                        TARGET, state.withDatabase(sourceDb).toDatabaseLocation(), null)),
                List.of(new ConfigFile.Destination(
                        DESTINATION, DatabaseLocation.Engine.POSTGRESQL, pg.host(), pg.port(), pg.username(), null)),
                EnumSet.of(BulwarkService.SCHEDULER, BulwarkService.DUMP_WORKER, BulwarkService.VERIFIER));
        scheduler = stack.schedulerClient();
        topics = new KafkaTopics(stack);
        store = new MinioObjectStore(new ObjectStoreSettings(
                stack.s3().endpoint(),
                stack.s3().accessKey(),
                stack.s3().secretKey(),
                stack.s3().bucket(),
                stack.s3().region(),
                ObjectStoreSettings.DEFAULT_PART_SIZE));

        filled.join();
        log("services UP and source filled");
        UUID backupId = scheduler.requestBackup(TARGET, "crash");
        backup = scheduler
                .await(backupId, SchedulerClient.FINAL_STATES, BACKUP_TIMEOUT)
                .orElseThrow(() -> new AssertionError("the scheduler never showed backup " + backupId));
        log("backup " + backup.state());
    }

    @AfterAll
    static void stopEverything() {
        if (topics != null) {
            topics.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (stateDb != null) {
            pg.drop(stateDb);
        }
        if (sourceDb != null) {
            pg.drop(sourceDb);
        }
    }

    @Test
    void aVerifierKilledMidRestoreEndsItFailedInterruptedOnceDropsItsDatabaseStoresItsReportAndForgetsIt()
            throws IOException {
        assertThat(backup.state()).as(backup.json()).isEqualTo("VERIFIED");
        String database = "restore_crash_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            UUID restoreId = scheduler
                    .requestRestore(
                            backup.backupId(),
                            SchedulerClient.RestoreRequest.into(DESTINATION).database(database))
                    .restoreId();
            String ledgerKey = LEDGER_PREFIX + restoreId + ".json";

            RestoreProgressed restoring = await(
                    "a RestoreProgressed of restore " + restoreId + " in phase RESTORE",
                    OUTCOME_TIMEOUT,
                    () -> eventsOf(Topics.RESTORE_PROGRESS, RestoreProgressed.class, restoreId).stream()
                            .filter(p -> p.phase() == RestorePhase.RESTORE)
                            .findFirst());
            assertThat(restoring.backupId()).isEqualTo(backup.backupId());
            long verifierPid = stack.service(BulwarkService.VERIFIER).pid();
            await(
                    "pg_restore started by the verifier (pid " + verifierPid + ")",
                    OUTCOME_TIMEOUT,
                    () -> ProcessHandle.of(verifierPid)
                            .flatMap(v -> v.descendants()
                                    .filter(d -> d.info().command().orElse("").endsWith("pg_restore"))
                                    .findFirst()));
            assertThat(store.exists(ledgerKey))
                    .as("the ledger entry %s of the running restore", ledgerKey)
                    .isTrue();
            assertThat(pg.exists(database))
                    .as("the database %s the restore created", database)
                    .isTrue();

            log("restore " + restoreId + " in phase RESTORE; killing the verifier");
            List<ProcessHandle> orphans = stack.kill(BulwarkService.VERIFIER);
            assertThat(stack.service(BulwarkService.VERIFIER).isAlive())
                    .as("the verifier after SIGKILL")
                    .isFalse();
            assertThat(orphans)
                    .as("pg_restore, which the killed verifier had started")
                    .isNotEmpty()
                    .noneMatch(ProcessHandle::isAlive);
            assertThat(eventsOf(Topics.RESTORE_COMPLETED, RestoreCompleted.class, restoreId))
                    .as("RestoreCompleted before the restart")
                    .isEmpty();
            assertThat(eventsOf(Topics.RESTORE_FAILED, RestoreFailed.class, restoreId))
                    .as("RestoreFailed before the restart")
                    .isEmpty();

            ServiceProcess restarted = stack.restart(BulwarkService.VERIFIER);
            log("verifier restarted");
            SchedulerClient.RestoreStatus failed = scheduler
                    .awaitRestore(restoreId, OUTCOME_TIMEOUT, Duration.ofMillis(500), null)
                    .orElseThrow(() -> new AssertionError("the scheduler never showed restore " + restoreId));
            await(
                    "the ledger entry " + ledgerKey + " removed",
                    OUTCOME_TIMEOUT,
                    () -> store.exists(ledgerKey) ? Optional.empty() : Optional.of(true));
            topics.awaitCommitted(VERIFIER_GROUP, Topics.RESTORE_REQUESTED, OUTCOME_TIMEOUT);
            log("restore " + failed.state() + " (" + failed.reason() + "), its request handled again");

            assertThat(failed.state()).as(failed.json()).isEqualTo("FAILED");
            assertThat(failed.reason()).as(failed.json()).isEqualTo("INTERRUPTED");
            List<RestoreFailed> failures = eventsOf(Topics.RESTORE_FAILED, RestoreFailed.class, restoreId);
            assertThat(failures)
                    .as("RestoreFailed of restore %s on %s", restoreId, Topics.RESTORE_FAILED)
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.reason()).isEqualTo(RestoreFailureReason.INTERRUPTED);
                        assertThat(f.databaseDropped()).isTrue();
                        assertThat(f.destination().database()).isEqualTo(database);
                        assertThat(f.reportKey()).isEqualTo(failed.reportKey());
                    });
            assertThat(eventsOf(Topics.RESTORE_COMPLETED, RestoreCompleted.class, restoreId))
                    .as("RestoreCompleted of restore %s", restoreId)
                    .isEmpty();
            assertThat(pg.exists(database))
                    .as("the database %s the interrupted restore had created", database)
                    .isFalse();
            String folder = ObjectKeys.restorePrefix(backup.prefix(), restoreId);
            assertThat(failed.reportKey()).isEqualTo(folder + ObjectKeys.RESTORE_JSON);
            RestoreReport report =
                    Reports.parseRestore(Reports.read(stack.s3Client(), Stack.BUCKET, failed.reportKey()));
            assertThat(report.state()).isEqualTo(RestoreState.FAILED);
            assertThat(report.reason()).isEqualTo(RestoreFailureReason.INTERRUPTED);
            assertThat(report.message()).contains("the database it had created was dropped");
            assertThat(store.exists(folder + ObjectKeys.RESTORE_HTML)).isTrue();
            assertThat(store.exists(ledgerKey))
                    .as("the ledger entry %s", ledgerKey)
                    .isFalse();
            assertThat(store.list(LEDGER_PREFIX)).as("ledger entries left").isEmpty();
            assertThat(Files.readString(restarted.logFile()))
                    .as("the verifier's log")
                    .contains("restore " + restoreId + " of backup " + backup.backupId() + " into " + database
                            + " was interrupted; dropped the database it had created");
        } finally {
            pg.drop(database);
        }
    }

    private static void log(String what) {
        System.out.println("RestoreCrashIT: " + what + " after " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private static <T extends BulwarkEvent> List<T> eventsOf(String topic, Class<T> type, UUID restoreId) {
        return topics.events(topic, type).stream()
                .filter(e -> restoreId.equals(restoreIdOf(e)))
                .toList();
    }

    private static UUID restoreIdOf(BulwarkEvent event) {
        return switch (event) {
            case RestoreProgressed p -> p.restoreId();
            case RestoreCompleted c -> c.restoreId();
            case RestoreFailed f -> f.restoreId();
            default -> null;
        };
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
