package io.bulwark.embedded;

import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients (no Spring) for code that plays a Bulwark service, such as the capture benchmark that
 * requests backups or a test that stands in for another service: a producer that sends events the way every Bulwark
 * service does (key = target id, value = {@link EventJson} bytes) and consumers that read a topic from its
 * beginning. The caller closes what it gets.
 */
public final class KafkaEventClients {

    private KafkaEventClients() {}

    /**
     * A producer with string keys and byte-array values.
     *
     * @param bootstrapServers the broker list, {@code host:port[,host:port...]}, e.g. {@link
     *     KafkaKraftBroker#bootstrapServers()}
     * @return a new producer (default settings: {@code acks=all}, idempotent); close it
     * @throws org.apache.kafka.common.KafkaException when the producer cannot be created (e.g. an unparsable
     *     broker list)
     */
    public static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /**
     * A byte-array consumer in a new consumer group ({@code groupPrefix-<random uuid>}) subscribed to
     * {@code topic} and starting at its earliest offset, so it also sees records sent before it joined.
     *
     * @param bootstrapServers the broker list
     * @param groupPrefix start of the group id, e.g. {@code retention-it}
     * @param topic the topic to read
     * @return a new subscribed consumer; close it
     * @throws org.apache.kafka.common.KafkaException when the consumer cannot be created
     */
    public static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers, String groupPrefix, String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        groupPrefix + "-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /**
     * Sends {@code event} to {@code topic} keyed by its target id, with the {@link EventJson} bytes as
     * the value, and waits for the broker's acknowledgement.
     *
     * @param producer a producer from {@link #producer(String)}
     * @param topic the topic, one of {@link io.bulwark.contracts.Topics}
     * @param event the event to send
     * @throws ExecutionException when the broker did not take the record
     * @throws InterruptedException when interrupted while waiting
     */
    public static void send(KafkaProducer<String, byte[]> producer, String topic, BulwarkEvent event)
            throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(topic, event.targetId(), EventJson.toBytes(event)))
                .get();
    }

    /**
     * Polls (200 ms at a time) until {@code count} records arrived or {@code timeout} passed.
     *
     * @param consumer a consumer from {@link #consumer(String, String, String)}
     * @param count how many records to wait for
     * @param timeout how long to wait at most
     * @return the records received, possibly fewer than {@code count} (or more, from the last poll)
     */
    public static List<ConsumerRecord<byte[], byte[]>> pollUntil(
            KafkaConsumer<byte[], byte[]> consumer, int count, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }
}
