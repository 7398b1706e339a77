package io.bulwark.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaKraftBrokerIT {

    @TempDir
    Path dir;

    @Test
    void autoCreatesTopicsAndKeepsRecordsAcrossARestart() throws Exception {
        Path data = dir.resolve("kafka");
        try (KafkaKraftBroker broker = KafkaKraftBroker.start(data)) {
            assertThat(data.resolve("meta.properties")).exists();
            send(broker.bootstrapServers(), "bulwark.test", "k1", "first");
            assertThat(readAll(broker.bootstrapServers(), "bulwark.test", "g1")).containsExactly("first");
        }
        try (KafkaKraftBroker broker = KafkaKraftBroker.start(data)) {
            send(broker.bootstrapServers(), "bulwark.test", "k1", "second");
            assertThat(readAll(broker.bootstrapServers(), "bulwark.test", "g2")).containsExactly("first", "second");
        }
    }

    private static void send(String bootstrap, String topic, String key, String value) throws Exception {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<String> readAll(String bootstrap, String topic, String group) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
                if (!values.isEmpty()
                        && consumer.assignment().stream()
                                .allMatch(tp -> consumer.position(tp)
                                        >= consumer.endOffsets(List.of(tp)).get(tp))) {
                    break;
                }
            }
        }
        return values;
    }
}
