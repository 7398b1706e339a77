package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.contracts.Topics;
import io.bulwark.embedded.ServiceTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Poison records on every topic a service consumes, in one run of the whole stack ({@link EndToEndStack}): two
 * records per topic, one that is not JSON and one that is a JSON object with none of its event's fields. Every
 * consumer group that reads the topic ({@link ServiceTopics#ALL}) must put each on the topic's dead-letter topic
 * ({@link Topics#deadLetter}) and go on: a backup requested afterwards is VERIFIED, every group commits every record
 * of every topic it reads, and none of that backup's events is dead-lettered.
 */
@ExtendWith(EndToEndStack.Resolver.class)
class PoisonRecordsIT {

    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration BACKUP_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration COMMIT_TIMEOUT = Duration.ofMinutes(2);

    @Test
    void everyGroupDeadLettersEachPoisonRecordAndGoesOn(EndToEndStack e2e) throws Exception {
        Stack stack = e2e.stack();
        Map<String, List<String>> groupsByTopic = groupsByTopic();
        String run = UUID.randomUUID().toString();
        Map<String, List<String>> poisonsByTopic = new TreeMap<>();
        groupsByTopic
                .keySet()
                .forEach(topic -> poisonsByTopic.put(
                        topic,
                        List.of(
                                "not json: poison " + run + " on " + topic,
                                "{\"schemaVersion\":1,\"poison\":\"" + run + " on " + topic + "\"}")));
        try (KafkaTopics topics = new KafkaTopics(stack)) {
            for (Map.Entry<String, List<String>> topic : poisonsByTopic.entrySet()) {
                for (String poison : topic.getValue()) {
                    topics.publish(topic.getKey(), "poison", poison.getBytes(StandardCharsets.UTF_8), Map.of());
                }
            }
            Map<String, Map<String, Long>> expected = new TreeMap<>();
            poisonsByTopic.forEach((topic, poisons) -> {
                Map<String, Long> copies = new LinkedHashMap<>();
                poisons.forEach(
                        p -> copies.put(p, (long) groupsByTopic.get(topic).size()));
                expected.put(Topics.deadLetter(topic), copies);
            });
            await("every poison record on its dead-letter topic, once per consumer group")
                    .atMost(DEAD_LETTER_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(deadLettered(topics, poisonsByTopic))
                            .as("copies of each poison record on each dead-letter topic: one per consumer group of"
                                    + " the topic (groups by topic: " + groupsByTopic + ")")
                            .isEqualTo(expected));

            UUID backupId = stack.schedulerClient().requestBackup("chinook", "poison");
            SchedulerClient.BackupStatus status = e2e.awaitFinal(backupId, BACKUP_TIMEOUT);
            assertThat(status.state()).as(status.json()).isEqualTo("VERIFIED");

            groupsByTopic.forEach(
                    (topic, groups) -> groups.forEach(group -> topics.awaitCommitted(group, topic, COMMIT_TIMEOUT)));
            assertThat(new BackupAudit(e2e, topics).deadLettered(backupId))
                    .as("dead-letter topics holding an event of the backup requested after the poison")
                    .isEmpty();
        }
    }

    /** Every consumed topic and the consumer groups that read it, from the services' grants. */
    private static Map<String, List<String>> groupsByTopic() {
        Map<String, List<String>> groups = new TreeMap<>();
        for (ServiceTopics service : ServiceTopics.ALL) {
            service.consumes()
                    .forEach(topic -> groups.computeIfAbsent(topic, t -> new ArrayList<>())
                            .add(service.group()));
        }
        return groups;
    }

    /** For each dead-letter topic, how many of its records carry each poison record of its topic. */
    private static Map<String, Map<String, Long>> deadLettered(
            KafkaTopics topics, Map<String, List<String>> poisonsByTopic) {
        Map<String, Map<String, Long>> seen = new TreeMap<>();
        poisonsByTopic.forEach((topic, poisons) -> {
            List<String> records = topics.records(Topics.deadLetter(topic));
            Map<String, Long> copies = new LinkedHashMap<>();
            poisons.forEach(
                    p -> copies.put(p, records.stream().filter(p::equals).count()));
            seen.put(Topics.deadLetter(topic), copies);
        });
        return seen;
    }
}
