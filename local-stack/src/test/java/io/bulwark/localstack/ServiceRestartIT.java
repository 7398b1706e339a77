package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.Topics;
import io.bulwark.embedded.ServiceTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every service stopped and restarted while one backup goes through its phases, on the shared stack ({@link
 * EndToEndStack}). Each service is down when the phase that needs it begins and comes back during a later one:
 *
 * <ol>
 *   <li>requested: the dump-worker, verifier, retention and notifier are down; the scheduler publishes the request
 *       and goes down too;
 *   <li>dumping: the dump-worker comes back and dumps while no scheduler projects its events;
 *   <li>completed: the scheduler comes back and projects the completion while no verifier runs;
 *   <li>verifying: the verifier comes back and verifies while retention and the notifier are down;
 *   <li>verified: retention and the notifier come back and read the verdict.
 * </ol>
 *
 * <p>Afterwards the backup is VERIFIED with one artifact and one verdict, nothing failed or was dead-lettered,
 * retention and the notifier have committed every verdict, and the notifier sent the backup's notification once.
 * Services killed in the middle of their own work are {@link CrashRecoveryIT} (dump-worker) and {@link
 * FaultMatrixIT} (verifier).
 */
@ExtendWith(EndToEndStack.Resolver.class)
class ServiceRestartIT {

    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(3);

    @Test
    void everyServiceDownAtItsPhaseAndBackLaterLosesAndDuplicatesNothing(EndToEndStack e2e) throws Exception {
        Stack stack = e2e.stack();
        SchedulerClient scheduler = stack.schedulerClient();
        List<BulwarkService> down = new ArrayList<>();
        try (KafkaTopics topics = new KafkaTopics(stack)) {
            BackupAudit audit = new BackupAudit(e2e, topics);
            for (BulwarkService s : List.of(
                    BulwarkService.DUMP_WORKER,
                    BulwarkService.VERIFIER,
                    BulwarkService.RETENTION,
                    BulwarkService.NOTIFIER)) {
                stop(stack, s, down);
            }
            UUID backupId = scheduler.requestBackup("chinook", "service-restart");
            stop(stack, BulwarkService.SCHEDULER, down);

            restart(stack, BulwarkService.DUMP_WORKER, down);
            await("the backup's completion, dumped while the scheduler is down")
                    .atMost(PHASE_TIMEOUT)
                    .until(() -> topics.events(Topics.BACKUP_COMPLETED, BackupCompleted.class).stream()
                            .anyMatch(c -> backupId.equals(c.backupId())));

            restart(stack, BulwarkService.SCHEDULER, down);
            await("the scheduler's projection of the completion, while the verifier is down")
                    .atMost(PHASE_TIMEOUT)
                    .until(
                            () -> scheduler.backup(backupId).map(SchedulerClient.BackupStatus::state),
                            state -> state.filter("COMPLETED"::equals).isPresent());

            restart(stack, BulwarkService.VERIFIER, down);
            await("the verdict, while retention and the notifier are down")
                    .atMost(PHASE_TIMEOUT)
                    .until(() -> !audit.verdictsOf(backupId).isEmpty());

            restart(stack, BulwarkService.RETENTION, down);
            restart(stack, BulwarkService.NOTIFIER, down);
            SchedulerClient.BackupStatus status = e2e.awaitFinal(backupId, PHASE_TIMEOUT);
            assertThat(status.state()).as(status.json()).isEqualTo("VERIFIED");
            audit.assertStoredOnceAndNothingDeadLettered(backupId, status);
            assertThat(audit.verdictsOf(backupId))
                    .as("verdicts of %s", backupId)
                    .hasSize(1);
            for (ServiceTopics service : List.of(ServiceTopics.RETENTION, ServiceTopics.NOTIFIER)) {
                topics.awaitCommitted(service.group(), Topics.BACKUP_VERIFIED, PHASE_TIMEOUT);
            }
            await("the notifier's webhook for the backup")
                    .atMost(PHASE_TIMEOUT)
                    .until(() -> notificationsOf(e2e, backupId) > 0);
            assertThat(notificationsOf(e2e, backupId))
                    .as("webhook notifications of %s", backupId)
                    .isEqualTo(1);
        } finally {
            for (BulwarkService s : List.copyOf(down)) {
                restart(stack, s, down);
            }
        }
    }

    private static void stop(Stack stack, BulwarkService service, List<BulwarkService> down) {
        stack.stop(service);
        down.add(service);
    }

    private static void restart(Stack stack, BulwarkService service, List<BulwarkService> down) {
        stack.restart(service);
        down.remove(service);
    }

    private static long notificationsOf(EndToEndStack e2e, UUID backupId) {
        return e2e.webhookBodies.stream()
                .filter(b -> b.contains(backupId.toString()))
                .count();
    }
}
