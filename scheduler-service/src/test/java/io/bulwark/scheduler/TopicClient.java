package io.bulwark.scheduler;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.EventHeaders;
import io.bulwark.contracts.EventJson;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes to and reads from the test broker's topics as other services would, for integration tests. */
final class TopicClient {

    private final String brokers;
    private final Duration timeout;

    TopicClient(String brokers, Duration timeout) {
        this.brokers = brokers;
        this.timeout = timeout;
    }

    /** Publishes {@code event} keyed by its target id, with the CloudEvents headers. */
    void publish(String topic, BulwarkEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.targetId(), EventJson.toBytes(event));
        EventHeaders.cloudEventHeaders(event, "/bulwark/test")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(UTF_8)));
        send(record);
    }

    /** Publishes raw bytes, e.g. a malformed record. */
    void publishRaw(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    /** Reads {@code topic} from the beginning until a record matches; a record the test cannot read is no match. */
    ConsumerRecord<String, byte[]> await(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "scheduler-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (matches(match, record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within " + timeout);
    }

    /** The UTF-8 value of a record's header, or null. */
    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    private void send(ProducerRecord<String, byte[]> record) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(
            Predicate<ConsumerRecord<String, byte[]>> match, ConsumerRecord<String, byte[]> record) {
        try {
            return match.test(record);
        } catch (RuntimeException notOurs) {
            return false;
        }
    }
}
