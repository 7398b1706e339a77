package io.bulwark.verifier;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.EventHeaders;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The verifier's topics as another service sees them, for integration tests: publishes {@link BackupCompleted} as
 * the dump-worker does (key = target id, CloudEvents headers) and awaits the {@link BackupVerified} of a backup.
 */
final class VerifierTopics {

    private final String brokers;
    private final Duration wait;

    /**
     * @param brokers the bootstrap servers
     * @param wait how long {@link #awaitVerified} waits
     */
    VerifierTopics(String brokers, Duration wait) {
        this.brokers = brokers;
        this.wait = wait;
    }

    /** Publishes {@code event} to {@link Topics#BACKUP_COMPLETED} and waits for the broker's acknowledgement. */
    void publish(BackupCompleted event) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(Topics.BACKUP_COMPLETED, event.targetId(), EventJson.toBytes(event));
            EventHeaders.cloudEventHeaders(event, "/bulwark/dump-worker")
                    .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
    }

    /** A consumer of {@link Topics#BACKUP_VERIFIED} in a group of its own, from the earliest offset. */
    KafkaConsumer<String, byte[]> subscribeVerified() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "verifier-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(Topics.BACKUP_VERIFIED));
        return consumer;
    }

    /** Publishes {@code event} and returns the {@link BackupVerified} of its backup. */
    BackupVerified verify(BackupCompleted event) throws Exception {
        try (KafkaConsumer<String, byte[]> verified = subscribeVerified()) {
            publish(event);
            return awaitVerified(verified, event.backupId());
        }
    }

    /**
     * The first {@link BackupVerified} of {@code backupId} that {@code consumer} reads.
     *
     * @throws AssertionError when none arrives within the wait
     */
    BackupVerified awaitVerified(KafkaConsumer<String, byte[]> consumer, UUID backupId) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                try {
                    BackupVerified event = EventJson.read(record.value(), BackupVerified.class);
                    if (backupId.equals(event.backupId())) {
                        return event;
                    }
                } catch (RuntimeException e) {
                    // not a BackupVerified: listed below if nothing matches
                }
                seen.add(new String(record.value(), StandardCharsets.UTF_8));
            }
        }
        throw new AssertionError("no BackupVerified of " + backupId + " within " + wait + "; saw " + seen);
    }
}
