package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the whole-stack fault tests check of one backup after a fault, from the shared stack's Kafka topics and object
 * store: it was stored once, every verdict passed, nothing failed and nothing was dead-lettered.
 */
final class BackupAudit {

    private final EndToEndStack e2e;
    private final KafkaTopics topics;

    /** Reads {@code e2e}'s object store and its Kafka topics through {@code topics} (closed by the caller). */
    BackupAudit(EndToEndStack e2e, KafkaTopics topics) {
        this.e2e = e2e;
        this.topics = topics;
    }

    /** Every {@link BackupVerified} of the backup so far, in topic order. */
    List<BackupVerified> verdictsOf(UUID backupId) {
        return topics.events(Topics.BACKUP_VERIFIED, BackupVerified.class).stream()
                .filter(v -> backupId.equals(v.backupId()))
                .toList();
    }

    /**
     * One dump stored under the backup's prefix, every completion naming that same artifact, every verdict PASSED, no
     * failure, and no dead letter of the backup on any topic.
     *
     * @throws Exception when the object store cannot be listed
     */
    void assertStoredOnceAndNothingDeadLettered(UUID backupId, SchedulerClient.BackupStatus status) throws Exception {
        List<BackupCompleted> completions = topics.events(Topics.BACKUP_COMPLETED, BackupCompleted.class).stream()
                .filter(c -> backupId.equals(c.backupId()))
                .toList();
        assertThat(completions).as("completions of %s", backupId).isNotEmpty();
        assertThat(completions.stream().map(c -> c.artifact().key()).distinct())
                .as("artifacts of %s (a second dump would name another)", backupId)
                .hasSize(1);
        assertThat(e2e.objectsUnder(status.prefix()).stream()
                        .filter(key -> key.substring(status.prefix().length()).startsWith("dump.")))
                .as("dumps stored under %s", status.prefix())
                .hasSize(1);
        assertThat(verdictsOf(backupId))
                .as("verdicts of %s", backupId)
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v.outcome()).isEqualTo(Outcome.PASSED));
        assertThat(topics.events(Topics.BACKUP_FAILED, BackupFailed.class))
                .as("failures")
                .noneMatch(f -> backupId.equals(f.backupId()));
        assertThat(deadLettered(backupId)).as("dead letters of " + backupId).isEmpty();
    }

    /** The dead-letter topics holding a record that names the backup. */
    List<String> deadLettered(UUID backupId) {
        List<String> found = new ArrayList<>();
        for (String topic : Topics.ALL) {
            String dlq = Topics.deadLetter(topic);
            if (topics.records(dlq).stream().anyMatch(r -> r.contains(backupId.toString()))) {
                found.add(dlq);
            }
        }
        return found;
    }
}
