package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.Topics;
import io.bulwark.embedded.KafkaAuthentication;
import io.bulwark.embedded.KafkaKraftBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's broker: a folder left by a stack without authentication is moved aside, each service's password
 * is in a 0600 file, the topics exist with {@link StackKafka#PARTITIONS} partitions, and a service's user writes its own topic only.
 */
class StackKafkaIT {

    @TempDir
    Path work;

    @Test
    void servicesConnectAsTheirOwnUsersWithTheirOwnGrants() throws Exception {
        KafkaKraftBroker.start(work.resolve("kafka")).close();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (StackKafka kafka = StackKafka.start(work, 0, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("moved to");
            Path file = kafka.passwordFile(BulwarkService.DUMP_WORKER.module());
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            String password = Files.readString(file).strip();
            assertThat(kafka.serviceArguments(BulwarkService.DUMP_WORKER))
                    .contains("--bulwark.kafka.username=dump-worker", "--bulwark.kafka.password-file=" + file)
                    .noneMatch(a -> a.contains(password));

            Map<String, Object> admin = new HashMap<>(kafka.adminClientProperties());
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            try (Admin client = Admin.create(admin)) {
                assertThat(client.describeTopics(List.of(Topics.BACKUP_REQUESTED))
                                .allTopicNames()
                                .get(30, TimeUnit.SECONDS)
                                .get(Topics.BACKUP_REQUESTED)
                                .partitions())
                        .hasSize(StackKafka.PARTITIONS);
            }

            Map<String, Object> props = new HashMap<>(KafkaAuthentication.clientProperties("dump-worker", password));
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.BACKUP_COMPLETED, "t", "{}"))
                        .get(30, TimeUnit.SECONDS);
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.BACKUP_REQUESTED, "t", "{}"))
                                .get(30, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
        // a restart reuses the password files and the formatted folder
        try (StackKafka again = StackKafka.start(work, 0, new PrintStream(new ByteArrayOutputStream()))) {
            assertThat(again.bootstrapServers()).isNotBlank();
        }
    }
}
