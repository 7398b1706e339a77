package io.bulwark.dumpworker;

import io.bulwark.contracts.Topics;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes raw records to {@link Topics#BACKUP_REQUESTED} for the dump-worker's integration tests. */
final class RequestTopic {

    private RequestTopic() {}

    /**
     * Publishes {@code json} (sent as is, valid or not) under {@code key} and waits for the broker's acknowledgement.
     *
     * @param brokers the bootstrap servers, e.g. {@code 127.0.0.1:9092}
     * @throws Exception when the broker does not acknowledge the record within 30 s
     */
    static void publish(String brokers, String key, String json) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(Topics.BACKUP_REQUESTED, key, json))
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
