package io.bulwark.localstack;

import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.EventHeaders;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Topics;
import io.bulwark.embedded.FreePorts;
import io.bulwark.embedded.KafkaEventClients;
import io.bulwark.embedded.KafkaKraftBroker;
import io.bulwark.embedded.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the dump-worker integration tests run on: a real KRaft broker and S3Proxy in this JVM, and real dump-worker
 * jars as child JVMs ({@link ServiceProcess}) in consumer group {@value #GROUP}. Plays the scheduler (publishes {@code
 * BackupRequested} keyed by target id with the CloudEvents headers) and reads every answer topic from its beginning.
 * Not thread-safe; close it, which stops every worker it started.
 */
final class DumpWorkerCluster implements AutoCloseable {

    /** The dump-worker's consumer group ({@code spring.cloud.stream.bindings.backupRequested-in-0.group}). */
    static final String GROUP = "bulwark-dump-worker";

    /** Consumer threads, hence group members, of one worker: {@code bulwark.dump-worker.concurrency}'s default. */
    static final int MEMBERS_PER_WORKER = 2;

    /** Where the dump-worker keeps its attempt records ({@code ObjectStoreAttemptLedger.PREFIX}). */
    static final String ATTEMPTS_PREFIX = "_bulwark/attempts/";

    /**
     * A killed worker's consumers hold their partitions until the broker misses their heartbeats for this long; Kafka's
     * default (45 s) only makes the tests slower, not different.
     */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final int ANSWER_PARTITIONS = 3;
    private static final String SOURCE = "/bulwark/dump-worker-it";

    private final Path work;
    private final KafkaKraftBroker kafka;
    private final S3ProxyServer s3;
    private final MinioObjectStore store;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;
    private final int requestPartitions;
    private final List<ServiceProcess> workers = new CopyOnWriteArrayList<>();

    private DumpWorkerCluster(
            Path work,
            KafkaKraftBroker kafka,
            S3ProxyServer s3,
            MinioObjectStore store,
            KafkaProducer<String, byte[]> producer,
            Admin admin,
            int requestPartitions) {
        this.work = work;
        this.kafka = kafka;
        this.s3 = s3;
        this.store = store;
        this.producer = producer;
        this.admin = admin;
        this.requestPartitions = requestPartitions;
    }

    /**
     * Starts Kafka and S3Proxy under {@code work} and creates {@value Topics#BACKUP_REQUESTED} with {@code
     * requestPartitions} partitions, and the completed, failed and progress topics with the worker's own partition
     * count (3), before any worker runs, so that readers see every answer.
     *
     * @throws IllegalStateException when a component does not start; what did start is stopped
     */
    static DumpWorkerCluster start(Path work, int requestPartitions) {
        KafkaKraftBroker kafka = KafkaKraftBroker.start(work.resolve("kafka"));
        S3ProxyServer s3 = null;
        Admin admin = null;
        try {
            s3 = S3ProxyServer.start(work.resolve("s3"), Stack.BUCKET);
            MinioObjectStore store = new MinioObjectStore(new ObjectStoreSettings(
                    s3.endpoint(),
                    s3.accessKey(),
                    s3.secretKey(),
                    s3.bucket(),
                    s3.region(),
                    ObjectStoreSettings.DEFAULT_PART_SIZE));
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
            admin.createTopics(List.of(
                            new NewTopic(Topics.BACKUP_REQUESTED, requestPartitions, (short) 1),
                            new NewTopic(Topics.BACKUP_COMPLETED, ANSWER_PARTITIONS, (short) 1),
                            new NewTopic(Topics.BACKUP_FAILED, ANSWER_PARTITIONS, (short) 1),
                            new NewTopic(Topics.BACKUP_PROGRESS, ANSWER_PARTITIONS, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            return new DumpWorkerCluster(
                    work,
                    kafka,
                    s3,
                    store,
                    KafkaEventClients.producer(kafka.bootstrapServers()),
                    admin,
                    requestPartitions);
        } catch (Exception e) {
            if (admin != null) {
                admin.close();
            }
            if (s3 != null) {
                s3.close();
            }
            kafka.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot start Kafka and S3Proxy: " + e.getMessage(), e);
        }
    }

    /** The object store the workers write to, for the test's own listings. */
    MinioObjectStore store() {
        return store;
    }

    /** The folder S3Proxy keeps the bucket's files in. */
    Path bucketFolder() {
        return work.resolve("s3").resolve(Stack.BUCKET);
    }

    /**
     * Writes the shared configuration file ({@code bulwark.storage}, {@code bulwark.targets}) the workers read.
     *
     * @param name file name without {@code .yml}
     */
    Path writeConfig(String name, List<ConfigFile.Target> targets) {
        return ConfigFile.write(
                work.resolve("config").resolve(name + ".yml"),
                new ConfigFile.Storage(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.bucket(), s3.region()),
                targets,
                null);
    }

    /**
     * Starts a dump-worker jar without waiting for it; see {@link #awaitUp}.
     *
     * @param name names its log file, {@code logs/dump-worker-<name>.log}
     * @param config the file of {@link #writeConfig}
     * @param extraArguments Spring Boot arguments of this test, e.g. {@code --bulwark.dump-worker.max-attempts=1}
     */
    ServiceProcess launchWorker(String name, Path config, List<String> extraArguments) {
        int port = FreePorts.next();
        List<String> args = new ArrayList<>(List.of(
                "--spring.config.additional-location=file:" + config.toAbsolutePath(),
                "--server.port=" + port,
                "--spring.cloud.stream.kafka.binder.brokers=" + kafka.bootstrapServers(),
                "--spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms="
                        + SESSION_TIMEOUT.toMillis(),
                "--spring.cloud.stream.kafka.binder.consumer-properties.heartbeat.interval.ms=2000",
                // the warm-up only shortens the first capture after a start; extraArguments may turn it on
                "--bulwark.dump-worker.warm-up=false"));
        args.addAll(extraArguments);
        BulwarkService service = BulwarkService.DUMP_WORKER;
        ServiceProcess worker = ServiceProcess.start(
                service,
                Stack.javaExecutable(),
                service.jar(repositoryRoot()),
                Stack.JVM_OPTIONS,
                args,
                Map.of(),
                port,
                work.resolve("logs").resolve("dump-worker-" + name + ".log"));
        workers.add(worker);
        return worker;
    }

    /** {@link #launchWorker} and {@link #awaitUp}. */
    ServiceProcess startWorker(String name, Path config, List<String> extraArguments) {
        ServiceProcess worker = launchWorker(name, config, extraArguments);
        awaitUp(worker);
        return worker;
    }

    /**
     * Waits until {@code worker} reports UP.
     *
     * @throws AssertionError when it exits or is not UP within 3 minutes, with its log's end
     */
    void awaitUp(ServiceProcess worker) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!worker.isHealthy()) {
            if (!worker.isAlive()) {
                throw new AssertionError("the dump-worker exited during start-up; log " + worker.logFile() + ":\n"
                        + worker.logTail(6000));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the dump-worker was not UP within " + START_TIMEOUT + "; log "
                        + worker.logFile() + ":\n" + worker.logTail(6000));
            }
            sleep(250);
        }
    }

    /** Stops {@code worker} cleanly (SIGTERM, then SIGKILL after 20 s). */
    void stop(ServiceProcess worker) {
        worker.close();
        workers.remove(worker);
    }

    /**
     * Waits until group {@value #GROUP} is stable with {@code members} consumers, every partition of {@value
     * Topics#BACKUP_REQUESTED} is assigned and every member holds at least one.
     *
     * @throws AssertionError naming the group's last state when that does not happen in time
     */
    void awaitGroup(int members, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "not described yet";
        while (System.nanoTime() < deadline) {
            try {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP))
                        .all()
                        .get(10, TimeUnit.SECONDS)
                        .get(GROUP);
                List<Integer> assigned = group.members().stream()
                        .map(DumpWorkerCluster::requestPartitionsOf)
                        .toList();
                last = group.groupState() + " with partitions per member " + assigned;
                if (group.groupState() == GroupState.STABLE
                        && assigned.size() == members
                        && assigned.stream().mapToInt(Integer::intValue).sum() == requestPartitions
                        && assigned.stream().allMatch(n -> n > 0)) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                last = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            sleep(200);
        }
        throw new AssertionError("consumer group " + GROUP + " did not settle on " + members + " members within "
                + timeout + " (last: " + last + ")" + workerLogs());
    }

    /**
     * Waits until group {@value #GROUP} has committed every record on {@value Topics#BACKUP_REQUESTED}: each request
     * was handled and will not be delivered again.
     *
     * @throws AssertionError naming the committed and end offsets when that does not happen in time
     */
    void awaitRequestsCommitted(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "not read yet";
        while (System.nanoTime() < deadline) {
            try {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (int p = 0; p < requestPartitions; p++) {
                    latest.put(new TopicPartition(Topics.BACKUP_REQUESTED, p), OffsetSpec.latest());
                }
                Map<TopicPartition, Long> end = new TreeMap<>(Comparator.comparingInt(TopicPartition::partition));
                admin.listOffsets(latest)
                        .all()
                        .get(10, TimeUnit.SECONDS)
                        .forEach((tp, info) -> end.put(tp, info.offset()));
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                Map<TopicPartition, Long> done = new TreeMap<>(Comparator.comparingInt(TopicPartition::partition));
                end.keySet()
                        .forEach(tp -> done.put(
                                tp,
                                Optional.ofNullable(committed.get(tp))
                                        .map(OffsetAndMetadata::offset)
                                        .orElse(0L)));
                last = "committed " + done.values() + ", end " + end.values();
                if (done.equals(end)) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                last = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            sleep(200);
        }
        throw new AssertionError("consumer group " + GROUP + " did not commit every request within " + timeout + " ("
                + last + ")" + workerLogs());
    }

    private static int requestPartitionsOf(MemberDescription member) {
        return (int) member.assignment().topicPartitions().stream()
                .filter(tp -> tp.topic().equals(Topics.BACKUP_REQUESTED))
                .count();
    }

    /**
     * Publishes {@code event} on {@code topic} as every Bulwark service does: key = target id, {@link EventJson}
     * bytes, CloudEvents headers; waits for the broker's acknowledgement.
     */
    void publish(String topic, BulwarkEvent event) {
        try {
            producer.send(record(topic, event)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Publishes {@code event} twice back to back, as a producer retrying a send it thinks was lost would. */
    void publishTwiceAtOnce(String topic, BulwarkEvent event) {
        var first = producer.send(record(topic, event));
        var second = producer.send(record(topic, event));
        try {
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static ProducerRecord<String, byte[]> record(String topic, BulwarkEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.targetId(), EventJson.toBytes(event));
        EventHeaders.cloudEventHeaders(event, SOURCE)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /**
     * Every event on {@code topic} from its beginning up to its current end, in partition then offset order.
     *
     * @param type the event type the topic carries
     */
    <T extends BulwarkEvent> List<T> events(String topic, Class<T> type) {
        return records(topic).stream().map(r -> EventJson.read(r.value(), type)).toList();
    }

    private List<ConsumerRecord<byte[], byte[]>> records(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "dump-worker-it-" + UUID.randomUUID(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        "false",
                        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                        "false"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read " + topic + " up to " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * Polls {@code probe} every 250 ms until it gives a value.
     *
     * @param what what is awaited, for the message
     * @throws AssertionError when it gives none within {@code timeout}, with the end of every worker's log
     */
    <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what + workerLogs());
            }
            sleep(250);
        }
    }

    private String workerLogs() {
        return workers.stream()
                .map(w -> "\n--- " + w.logFile() + (w.isAlive() ? "" : " (exited)") + ":\n" + w.logTail(4000))
                .collect(Collectors.joining());
    }

    /** The key of the attempt record of {@code backupId} ({@code ObjectStoreAttemptLedger.key}). */
    static String attemptKey(String targetId, UUID backupId) {
        return ATTEMPTS_PREFIX + targetId + "/" + backupId + ".json";
    }

    /** Stops every worker still running, then the clients, S3Proxy and Kafka. */
    @Override
    public void close() {
        for (ServiceProcess worker : workers) {
            worker.close();
        }
        workers.clear();
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
        s3.close();
        kafka.close();
    }

    /** The repository root: the parent of this module's folder. */
    static Path repositoryRoot() {
        String basedir = System.getProperty("basedir");
        Path module = basedir == null
                ? Path.of("").toAbsolutePath()
                : Path.of(basedir).toAbsolutePath();
        return module.getParent();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
