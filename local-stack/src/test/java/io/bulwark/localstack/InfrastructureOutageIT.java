package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Infrastructure outages under the whole running stack ({@link EndToEndStack}): the Kafka broker stopped and started
 * again in the middle of a backup, and the object store down for a minute while one backup is being dumped and another
 * is being verified again. Each is waited out: afterwards every backup is VERIFIED, none is lost, none was dumped or
 * stored twice, and no event of theirs went to a dead-letter topic.
 */
@ExtendWith(EndToEndStack.Resolver.class)
class InfrastructureOutageIT {

    /** The object store's outage: as long as the fault matrix asks for. */
    private static final Duration STORE_OUTAGE = Duration.ofSeconds(60);
    /** The broker's outage: longer than a consumer's session, shorter than a producer's delivery timeout. */
    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(20);

    private static final Duration BACKUP_TIMEOUT = Duration.ofMinutes(6);

    static EndToEndStack e2e;
    static Stack stack;
    static SchedulerClient scheduler;
    static KafkaTopics topics;
    static BackupAudit audit;

    @BeforeAll
    static void connect(EndToEndStack shared) {
        e2e = shared;
        stack = shared.stack();
        scheduler = stack.schedulerClient();
        topics = new KafkaTopics(stack);
        audit = new BackupAudit(shared, topics);
    }

    @AfterAll
    static void closeTopics() {
        if (topics != null) {
            topics.close();
        }
    }

    @Test
    void aBrokerRestartedInTheMiddleOfABackupLosesAndDuplicatesNothing() throws Exception {
        UUID backupId = scheduler.requestBackup("chinook", "broker-restart");
        // the request is on its way: the dump-worker dumps, then publishes; the verifier consumes, then publishes
        awaitState(backupId, Duration.ofSeconds(30));
        stack.stopKafka();
        try {
            Thread.sleep(BROKER_OUTAGE.toMillis());
        } finally {
            stack.startKafka();
        }

        SchedulerClient.BackupStatus status = awaitFinal(backupId);

        assertThat(status.state()).as(status.json()).isEqualTo("VERIFIED");
        audit.assertStoredOnceAndNothingDeadLettered(backupId, status);
    }

    @Test
    void anObjectStoreDownForAMinuteDelaysADumpAndAVerificationButLosesNothing() throws Exception {
        UUID verified = scheduler.requestBackup("flawed", "store-outage");
        SchedulerClient.BackupStatus before = awaitFinal(verified);
        assertThat(before.state()).as(before.json()).isEqualTo("VERIFIED");
        long verdictsBefore = audit.verdictsOf(verified).size();

        long down = System.nanoTime();
        stack.stopObjectStore();
        UUID dumped;
        try {
            // one backup meets the outage while it uploads its dump, the other while the verifier reads its artifact
            dumped = scheduler.requestBackup("chinook", "store-outage");
            scheduler.requestVerification(verified);
            Thread.sleep(Math.max(0, STORE_OUTAGE.toMillis() - (System.nanoTime() - down) / 1_000_000));
        } finally {
            stack.startObjectStore();
        }

        SchedulerClient.BackupStatus status = awaitFinal(dumped);
        assertThat(status.state()).as(status.json()).isEqualTo("VERIFIED");
        audit.assertStoredOnceAndNothingDeadLettered(dumped, status);

        List<BackupVerified> verdicts = awaitVerdicts(verified, verdictsBefore + 1);
        assertThat(verdicts.getLast().outcome())
                .as(
                        "the re-verification after the outage: %s",
                        verdicts.getLast().checks())
                .isEqualTo(Outcome.PASSED);
        assertThat(verdicts).as("verdicts of %s", verified).hasSize((int) verdictsBefore + 1);
        SchedulerClient.BackupStatus after = scheduler.backup(verified).orElseThrow();
        assertThat(after.state()).as(after.json()).isEqualTo("VERIFIED");
        assertThat(audit.deadLettered(verified))
                .as("dead letters of " + verified)
                .isEmpty();
    }

    /** Waits until the scheduler knows the backup (its request was published). */
    private static void awaitState(UUID backupId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (scheduler.backup(backupId).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static SchedulerClient.BackupStatus awaitFinal(UUID backupId) {
        return e2e.awaitFinal(backupId, BACKUP_TIMEOUT);
    }

    private static List<BackupVerified> awaitVerdicts(UUID backupId, long count) throws InterruptedException {
        long deadline = System.nanoTime() + BACKUP_TIMEOUT.toNanos();
        List<BackupVerified> verdicts = audit.verdictsOf(backupId);
        while (verdicts.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            verdicts = audit.verdictsOf(backupId);
        }
        assertThat(verdicts)
                .as("verdicts of %s within %s", backupId, BACKUP_TIMEOUT)
                .hasSizeGreaterThanOrEqualTo((int) count);
        return verdicts;
    }
}
