package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.Trigger;
import io.bulwark.embedded.PostgresDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two dump-worker processes in one consumer group share the requests, on real components: Kafka and S3Proxy in this
 * JVM, two dump-worker jars as child JVMs, six small databases on the machine's PostgreSQL as six targets. The request
 * topic has six partitions and the target ids are chosen so that each lands on a partition of its own, so that both
 * workers, whatever partitions the group gives them, get requests.
 */
class ScaleOutIT {

    private static final int PARTITIONS = 6;
    private static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(90);
    /** What the dump-worker logs when it completed a backup (RunDump). */
    private static final Pattern COMPLETED_LINE =
            Pattern.compile("backup ([0-9a-f-]{36}) of target (\\S+) completed \\(attempt (\\d+)\\)");

    @TempDir
    static Path work;

    static final PostgresDatabases pg = PostgresDatabases.local();
    /** Target id to its source database, one target per request partition. */
    static final Map<String, String> databases = new LinkedHashMap<>();

    static DumpWorkerCluster cluster;
    static MinioObjectStore store;
    static List<ServiceProcess> workers;

    @BeforeAll
    static void startTwoWorkersOnSixTargets() {
        assertThat(Stack.missingJars(DumpWorkerCluster.repositoryRoot()))
                .as("the service jars are built first (./mvnw -B -DskipTests package)")
                .isEmpty();
        List<String> ids = EndToEndStack.onePerPartition("scale-", PARTITIONS);
        for (int i = 0; i < ids.size(); i++) {
            String db = pg.createUnique("scale_it");
            databases.put(ids.get(i), db);
            pg.execute(
                    db,
                    "CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL);"
                            + " INSERT INTO item SELECT g, 'item ' || g FROM generate_series(1, " + (100 * (i + 1))
                            + ") g;");
        }
        cluster = DumpWorkerCluster.start(work, PARTITIONS);
        store = cluster.store();
        Path config = cluster.writeConfig(
                "scale-out",
                databases.entrySet().stream()
                        .map(e -> new ConfigFile.Target(
                                e.getKey(),
                                new DatabaseLocation(
                                        DatabaseLocation.Engine.POSTGRESQL,
                                        pg.host(),
                                        pg.port(),
                                        e.getValue(),
                                        pg.username(),
                                        null),
                                null))
                        .toList());
        workers =
                List.of(cluster.launchWorker("one", config, List.of()), cluster.launchWorker("two", config, List.of()));
        workers.forEach(cluster::awaitUp);
        cluster.awaitGroup(workers.size() * DumpWorkerCluster.MEMBERS_PER_WORKER, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopEverything() {
        if (cluster != null) {
            cluster.close();
        }
        databases.values().forEach(pg::drop);
    }

    @Test
    void everyRequestCompletesExactlyOnceAndBothWorkersTakePart() throws IOException {
        Map<UUID, String> requested = new LinkedHashMap<>();
        for (String targetId : databases.keySet()) {
            BackupRequested request =
                    BackupRequested.of(targetId, Trigger.MANUAL, null, "scale", Tier.ADHOC, "scale-out-it");
            requested.put(request.backupId(), targetId);
            cluster.publish(Topics.BACKUP_REQUESTED, request);
        }

        cluster.await("a BackupCompleted for each of " + requested, OUTCOME_TIMEOUT, () -> {
            Set<UUID> done = completions(requested.keySet()).stream()
                    .map(BackupCompleted::backupId)
                    .collect(Collectors.toSet());
            return done.containsAll(requested.keySet()) ? Optional.of(done) : Optional.empty();
        });
        cluster.awaitRequestsCommitted(Duration.ofSeconds(30));

        List<BackupCompleted> completions = completions(requested.keySet());
        assertThat(completions.stream().map(BackupCompleted::backupId))
                .as("BackupCompleted per backup")
                .containsExactlyInAnyOrderElementsOf(requested.keySet());
        assertThat(cluster.events(Topics.BACKUP_FAILED, BackupFailed.class).stream()
                        .filter(f -> requested.containsKey(f.backupId())))
                .as("BackupFailed of these backups")
                .isEmpty();
        for (BackupCompleted c : completions) {
            assertThat(c.targetId()).isEqualTo(requested.get(c.backupId()));
            assertThat(store.list(c.prefix()))
                    .as("objects of backup %s", c.backupId())
                    .containsExactlyInAnyOrder(c.artifact().key(), c.manifestKey());
            assertThat(ManifestJson.load(store, c.manifestKey()).inventory().tables().stream()
                            .collect(Collectors.toMap(TableInfo::qualifiedName, TableInfo::rows)))
                    .as("row counts in the manifest of %s", c.targetId())
                    .isEqualTo(Map.of("public.item", pg.countRows(databases.get(c.targetId()), "public.item")));
        }

        List<Set<String>> targetsByWorker = new ArrayList<>();
        for (ServiceProcess worker : workers) {
            Set<String> targets = new TreeSet<>();
            for (Completion line : completedLines(worker)) {
                if (requested.containsKey(line.backupId())) {
                    assertThat(line.attempt())
                            .as("attempt of %s", line.backupId())
                            .isEqualTo(1);
                    targets.add(line.targetId());
                }
            }
            targetsByWorker.add(targets);
        }
        assertThat(targetsByWorker)
                .as("targets each worker logged as completed")
                .allSatisfy(targets -> assertThat(targets).isNotEmpty());
        Set<String> both = new HashSet<>(targetsByWorker.get(0));
        both.retainAll(targetsByWorker.get(1));
        assertThat(both).as("targets both workers completed").isEmpty();
        assertThat(targetsByWorker.stream().flatMap(Set::stream))
                .containsExactlyInAnyOrderElementsOf(databases.keySet());
    }

    @Test
    void theSameRequestPublishedTwiceAtOnceEndsAsOneBackup() throws IOException {
        String targetId = databases.keySet().iterator().next();
        BackupRequested request =
                BackupRequested.of(targetId, Trigger.MANUAL, null, "twice", Tier.ADHOC, "scale-out-it");
        UUID backupId = request.backupId();
        cluster.publishTwiceAtOnce(Topics.BACKUP_REQUESTED, request);

        List<BackupCompleted> completions =
                cluster.await("a BackupCompleted for each delivery of backup " + backupId, OUTCOME_TIMEOUT, () -> {
                    List<BackupCompleted> found = completions(Set.of(backupId));
                    return found.size() >= 2 ? Optional.of(found) : Optional.empty();
                });
        cluster.awaitRequestsCommitted(Duration.ofSeconds(30));
        completions = completions(Set.of(backupId));

        assertThat(completions)
                .as("publications of the completion, one per delivery")
                .hasSize(2);
        assertThat(completions.stream().map(BackupCompleted::eventId).distinct())
                .as("distinct event ids")
                .hasSize(1);
        assertThat(completions.stream().map(BackupCompleted::prefix).distinct())
                .as("artifact prefixes")
                .hasSize(1);
        BackupCompleted completed = completions.getFirst();
        assertThat(store.list(ObjectKeys.targetPrefix(targetId)).stream()
                        .filter(key -> ObjectKeys.belongsTo(key, backupId)))
                .as("objects of backup %s", backupId)
                .containsExactlyInAnyOrder(completed.artifact().key(), completed.manifestKey());
        assertThat(store.incompleteUploads(ObjectKeys.targetPrefix(targetId))).isEmpty();
        assertThat(store.list(DumpWorkerCluster.ATTEMPTS_PREFIX + targetId + "/"))
                .as("attempt records left")
                .isEmpty();
        assertThat(cluster.events(Topics.BACKUP_FAILED, BackupFailed.class).stream()
                        .filter(f -> backupId.equals(f.backupId())))
                .isEmpty();

        List<Completion> dumped = new ArrayList<>();
        long republished = 0;
        for (ServiceProcess worker : workers) {
            completedLines(worker).stream()
                    .filter(c -> c.backupId().equals(backupId))
                    .forEach(dumped::add);
            republished += Files.readAllLines(worker.logFile(), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains("backup " + backupId + " of target " + targetId + " already exists"))
                    .count();
        }
        assertThat(dumped)
                .as("dumps of backup %s in the workers' logs", backupId)
                .hasSize(1);
        assertThat(republished)
                .as("deliveries of backup %s answered from its manifest", backupId)
                .isEqualTo(1);
    }

    private static List<BackupCompleted> completions(Set<UUID> backupIds) {
        return cluster.events(Topics.BACKUP_COMPLETED, BackupCompleted.class).stream()
                .filter(c -> backupIds.contains(c.backupId()))
                .toList();
    }

    /** One "backup … of target … completed (attempt n)" line of a worker's log. */
    record Completion(UUID backupId, String targetId, int attempt) {}

    private static List<Completion> completedLines(ServiceProcess worker) throws IOException {
        List<Completion> lines = new ArrayList<>();
        for (String line : Files.readAllLines(worker.logFile(), StandardCharsets.UTF_8)) {
            Matcher m = COMPLETED_LINE.matcher(line);
            if (m.find()) {
                lines.add(new Completion(UUID.fromString(m.group(1)), m.group(2), Integer.parseInt(m.group(3))));
            }
        }
        return lines;
    }

    /**
     * Target ids {@code scale-<n>}, the first that lands on each partition of {@value #PARTITIONS} by the producer's
     * own rule for keyed records (murmur2 of the key, modulo the partition count), in partition order.
     */
}
