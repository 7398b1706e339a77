package io.bulwark.localstack.bench;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.EventHeaders;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.Trigger;
import io.bulwark.embedded.KafkaEventClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Plays the scheduler for the dump-worker: publishes a {@link BackupRequested} on {@value Topics#BACKUP_REQUESTED}
 * the way every Bulwark service publishes (key = target id, {@link EventJson} bytes, CloudEvents headers) and waits for
 * the {@link BackupCompleted} or {@link BackupFailed} of the same backup. Not thread-safe; close it.
 */
final class CaptureClient implements AutoCloseable {

    /** The dump-worker's consumer group ({@code spring.cloud.stream.bindings.backupRequested-in-0.group}). */
    static final String DUMP_WORKER_GROUP = "bulwark-dump-worker";

    /** The {@code ce_source} of the requests this client publishes. */
    static final String SOURCE = "/bulwark/bench";

    /**
     * Partitions of the topics this client creates: the dump-worker's {@code
     * spring.cloud.stream.kafka.binder.min-partition-count}.
     */
    static final int PARTITIONS = 3;

    /** The verifier's consumer group ({@code spring.cloud.stream.bindings.backupCompleted-in-0.group}). */
    static final String VERIFIER_GROUP = "bulwark-verifier";

    /** The topics this client reads: the dump-worker's answers and the verifier's verdicts. */
    static final List<String> ANSWER_TOPICS =
            List.of(Topics.BACKUP_COMPLETED, Topics.BACKUP_FAILED, Topics.BACKUP_VERIFIED);

    private static final Duration POLL = Duration.ofMillis(50);

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;
    private KafkaConsumer<byte[], byte[]> consumer;

    /**
     * A client of the broker at {@code bootstrapServers}.
     *
     * @param bootstrapServers e.g. {@code 127.0.0.1:39211}
     */
    CaptureClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = KafkaEventClients.producer(bootstrapServers);
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * Creates {@value Topics#BACKUP_COMPLETED}, {@value Topics#BACKUP_FAILED} and {@value Topics#BACKUP_VERIFIED} with
     * {@value #PARTITIONS} partitions unless they exist. The dump-worker (and the verifier) creates them itself only when it first publishes to them, too late for a
     * reader that must be listening before the first request; created here with the worker's partition count, they
     * are what the worker would have made.
     *
     * @throws IllegalStateException when the broker refuses
     */
    void createAnswerTopics() {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = ANSWER_TOPICS.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, PARTITIONS, (short) 1))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(
                    "cannot create the completed, failed and verified topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /**
     * One capture as the bench saw it.
     *
     * @param request the request published
     * @param wallMillis milliseconds from just before publishing to receiving the completion
     * @param completed the dump-worker's event
     */
    record Captured(BackupRequested request, long wallMillis, BackupCompleted completed) {}

    /** The dump-worker answered with {@link BackupFailed}. */
    static final class CaptureFailedException extends RuntimeException {
        CaptureFailedException(BackupFailed failed) {
            super("backup " + failed.backupId() + " of target " + failed.targetId() + " failed: " + failed.reason()
                    + (failed.exitCode() == null ? "" : " (exit code " + failed.exitCode() + ")") + ": "
                    + failed.message());
        }
    }

    /** No answer came in time. */
    static final class CaptureTimeoutException extends RuntimeException {
        CaptureTimeoutException(String message) {
            super(message);
        }
    }

    /**
     * Waits until a freshly started dump-worker is the one member of its consumer group and holds every partition of
     * {@value Topics#BACKUP_REQUESTED}, and until this client reads the completed and failed topics; so that a request
     * published next is taken at once. Call it after {@link #createAnswerTopics()} and after the dump-worker reports UP
     * (it creates the requested topic).
     *
     * @param timeout how long to wait
     * @throws CaptureTimeoutException when that does not happen in time, naming the group's last state
     */
    void awaitWorkerReady(Duration timeout) {
        awaitGroupReady(DUMP_WORKER_GROUP, Topics.BACKUP_REQUESTED, timeout);
    }

    /**
     * Waits until consumer group {@code group} is stable with every partition of {@code topic} assigned (a service
     * with several bindings in one group, like the verifier's, is several members), and until this client reads its answer topics; the verifier's is {@value
     * #VERIFIER_GROUP} on {@value Topics#BACKUP_COMPLETED}.
     *
     * @throws CaptureTimeoutException when that does not happen in time, naming the group's last state
     */
    void awaitGroupReady(String group, String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "not described yet";
        while (true) {
            try {
                int partitions = admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(10, TimeUnit.SECONDS)
                        .get(topic)
                        .partitions()
                        .size();
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                        .all()
                        .get(10, TimeUnit.SECONDS)
                        .get(group);
                last = description.groupState() + " with "
                        + description.members().size() + " member(s)";
                int assigned = description.members().stream()
                        .mapToInt(member -> assigned(member, topic))
                        .sum();
                if (description.groupState() == GroupState.STABLE && assigned == partitions) {
                    break;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                last = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for consumer group " + group, e);
            }
            if (System.nanoTime() > deadline) {
                throw new CaptureTimeoutException(
                        "no service joined consumer group " + group + " within " + timeout + " (last: " + last + ")");
            }
            sleep(100);
        }
        awaitOwnAssignment(deadline, timeout);
    }

    private static int assigned(MemberDescription member, String topic) {
        return (int) member.assignment().topicPartitions().stream()
                .filter(tp -> tp.topic().equals(topic))
                .count();
    }

    private void awaitOwnAssignment(long deadline, Duration timeout) {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            bootstrapServers,
                            ConsumerConfig.GROUP_ID_CONFIG,
                            "bulwark-bench-" + UUID.randomUUID(),
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "earliest",
                            // the dump-worker creates the topics with its partition count; never create them here
                            ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                            "false"),
                    new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            consumer.subscribe(ANSWER_TOPICS);
        }
        Set<String> wanted = Set.copyOf(ANSWER_TOPICS);
        while (!consumer.assignment().stream()
                .map(TopicPartition::topic)
                .collect(Collectors.toSet())
                .containsAll(wanted)) {
            // records read while joining are answers to earlier requests: nothing waits for them
            consumer.poll(POLL);
            if (System.nanoTime() > deadline) {
                throw new CaptureTimeoutException("cannot read " + wanted + " within " + timeout);
            }
        }
    }

    /**
     * Requests one backup of {@code targetId} and waits for its outcome.
     *
     * @param targetId a target the running dump-worker knows
     * @param timeout how long to wait for the outcome
     * @return the completion and the time it took
     * @throws CaptureFailedException when the dump-worker publishes {@link BackupFailed}, with its reason and message
     * @throws CaptureTimeoutException when neither event arrives in time
     */
    Captured capture(String targetId, Duration timeout) {
        if (consumer == null) {
            throw new IllegalStateException("call awaitWorkerReady first");
        }
        BackupRequested request =
                BackupRequested.of(targetId, Trigger.MANUAL, null, "bench", Tier.ADHOC, "bulwark bench capture");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                Topics.BACKUP_REQUESTED, null, targetId, EventJson.toBytes(request), headers(request));
        long started = System.nanoTime();
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + Topics.BACKUP_REQUESTED + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                long now = System.nanoTime();
                if (r.topic().equals(Topics.BACKUP_COMPLETED)) {
                    BackupCompleted completed = EventJson.read(r.value(), BackupCompleted.class);
                    if (request.requestId().equals(completed.requestId())) {
                        return new Captured(request, (now - started) / 1_000_000, completed);
                    }
                } else if (r.topic().equals(Topics.BACKUP_FAILED)) {
                    BackupFailed failed = EventJson.read(r.value(), BackupFailed.class);
                    if (request.requestId().equals(failed.requestId())) {
                        throw new CaptureFailedException(failed);
                    }
                }
            }
        }
        throw new CaptureTimeoutException(
                "no BackupCompleted or BackupFailed for backup " + request.backupId() + " within " + timeout);
    }

    /**
     * A verdict as the bench saw it.
     *
     * @param wallMillis milliseconds from {@code sinceNanos} (a {@link System#nanoTime()}) to receiving the verdict
     * @param verified the verifier's event
     */
    record Verdict(long wallMillis, BackupVerified verified) {}

    /**
     * Waits for the {@link BackupVerified} of backup {@code backupId}.
     *
     * @param backupId the backup
     * @param sinceNanos the {@link System#nanoTime()} the wait is timed from
     * @param timeout how long to wait from now
     * @return the verdict, whatever its outcome, and the time since {@code sinceNanos}
     * @throws CaptureTimeoutException when none arrives in time
     */
    Verdict awaitVerified(UUID backupId, long sinceNanos, Duration timeout) {
        if (consumer == null) {
            throw new IllegalStateException("call awaitGroupReady first");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                long now = System.nanoTime();
                if (r.topic().equals(Topics.BACKUP_VERIFIED)) {
                    BackupVerified verified = EventJson.read(r.value(), BackupVerified.class);
                    if (backupId.equals(verified.backupId())) {
                        return new Verdict((now - sinceNanos) / 1_000_000, verified);
                    }
                }
            }
        }
        throw new CaptureTimeoutException("no BackupVerified for backup " + backupId + " within " + timeout);
    }

    /** The CloudEvents headers of {@code event} as UTF-8 bytes, as the services' EventPublisher writes them. */
    static List<Header> headers(BackupRequested event) {
        List<Header> headers = new ArrayList<>();
        EventHeaders.cloudEventHeaders(event, SOURCE)
                .forEach((name, value) -> headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return headers;
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close();
        }
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
