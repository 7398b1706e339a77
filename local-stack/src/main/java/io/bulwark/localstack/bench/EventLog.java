package io.bulwark.localstack.bench;

import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every event of a topic so far, from its beginning up to its current end, with a throwaway consumer that
 * commits nothing: how the scale benchmark and the stack's tests count the events of each backup.
 */
public final class EventLog {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private EventLog() {}

    /**
     * Every event on {@code topic}, in partition then offset order; none when the topic does not exist.
     *
     * @param bootstrapServers the broker, e.g. {@code 127.0.0.1:9092}
     * @param security client properties of a user allowed to read the topic ({@code security.protocol}, {@code
     *     sasl.*}), empty for an open broker
     * @param topic the topic
     * @param type the event class each record's value is decoded as ({@link EventJson})
     * @throws IllegalStateException when the topic cannot be read to its end within 30 s
     * @throws io.bulwark.contracts.InvalidEventException when a record is not a {@code type}
     */
    public static <T extends BulwarkEvent> List<T> read(
            String bootstrapServers, Map<String, Object> security, String topic, Class<T> type) {
        return values(bootstrapServers, security, topic).stream()
                .map(value -> EventJson.read(value, type))
                .toList();
    }

    /**
     * The value of every record on {@code topic}, undecoded (a dead-letter topic holds whatever was refused), in
     * partition then offset order; none when the topic does not exist.
     *
     * @param bootstrapServers the broker, e.g. {@code 127.0.0.1:9092}
     * @param security client properties of a user allowed to read the topic, empty for an open broker
     * @param topic the topic
     * @throws IllegalStateException when the topic cannot be read to its end within 30 s
     */
    public static List<byte[]> values(String bootstrapServers, Map<String, Object> security, String topic) {
        Map<String, Object> props = new HashMap<>(security);
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "bulwark-event-log-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                "false"));
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read " + topic + " up to " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records.stream().map(ConsumerRecord::value).toList();
        }
    }
}
