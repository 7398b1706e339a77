package io.bulwark.localstack;

import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.localstack.bench.EventLog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the stack's integration tests read from its Kafka broker: every event of a topic so far, and whether a
 * consumer group has committed every record of a topic (each was handled and will not be delivered again); and the
 * records they publish as Kafka's admin. Close it.
 */
final class KafkaTopics implements AutoCloseable {

    private final String bootstrapServers;
    private final Map<String, Object> security;
    private final Admin admin;

    /** Reads through {@link Stack#kafkaBootstrapServers()} as Kafka's admin user ({@link Stack#kafkaAdminProperties()}). */
    KafkaTopics(Stack stack) {
        this.bootstrapServers = stack.kafkaBootstrapServers();
        this.security = stack.kafkaAdminProperties();
        Map<String, Object> props = new HashMap<>(security);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(props);
    }

    /**
     * Every event on {@code topic} from its beginning up to its current end, in partition then offset order; none
     * when the topic does not exist.
     */
    <T extends BulwarkEvent> List<T> events(String topic, Class<T> type) {
        return EventLog.read(bootstrapServers, security, topic, type);
    }

    /** Every record's value on {@code topic} as UTF-8 text, undecoded; none when the topic does not exist. */
    List<String> records(String topic) {
        return EventLog.values(bootstrapServers, security, topic).stream()
                .map(v -> new String(v, StandardCharsets.UTF_8))
                .toList();
    }

    /**
     * Publishes one record as Kafka's admin and waits for the broker's acknowledgement.
     *
     * @param headers record headers, each value as UTF-8
     * @throws ExecutionException when the broker refused the record
     * @throws InterruptedException when interrupted while waiting
     */
    void publish(String topic, String key, byte[] value, Map<String, String> headers)
            throws ExecutionException, InterruptedException {
        Map<String, Object> props = new HashMap<>(security);
        props.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
    }

    /**
     * Waits until consumer group {@code group} has committed every record of {@code topic}.
     *
     * @throws AssertionError naming the committed and end offsets when that does not happen in time
     */
    void awaitCommitted(String group, String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "not read yet";
        while (System.nanoTime() < deadline) {
            try {
                int partitions = admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(10, TimeUnit.SECONDS)
                        .get(topic)
                        .partitions()
                        .size();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (int p = 0; p < partitions; p++) {
                    latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
                Map<Integer, Long> end = new TreeMap<>();
                admin.listOffsets(latest)
                        .all()
                        .get(10, TimeUnit.SECONDS)
                        .forEach((tp, info) -> end.put(tp.partition(), info.offset()));
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                Map<Integer, Long> done = new TreeMap<>();
                end.keySet()
                        .forEach(p -> done.put(
                                p,
                                Optional.ofNullable(committed.get(new TopicPartition(topic, p)))
                                        .map(OffsetAndMetadata::offset)
                                        .orElse(0L)));
                last = "committed " + done + ", end " + end;
                if (done.equals(end)) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                last = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            DumpWorkerCluster.sleep(250);
        }
        throw new AssertionError("consumer group " + group + " did not commit every record of " + topic + " within "
                + timeout + " (" + last + ")");
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
