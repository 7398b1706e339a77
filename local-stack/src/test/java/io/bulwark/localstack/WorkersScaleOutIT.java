package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.localstack.bench.ConsumerGroups;
import io.bulwark.localstack.bench.ScaleRound;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scale-out on the shared stack ({@link EndToEndStack}): a second dump-worker and a second verifier join their consumer
 * groups, and twelve targets ({@link EndToEndStack#SCALE_TARGETS}, one per partition of the request topic) are
 * requested at once, as {@code bulwark bench scale --targets 12 --workers 2} would ({@link ScaleRound}). Every backup
 * is VERIFIED with one {@code BackupCompleted} and one {@code BackupVerified}, and both dump-workers and both verifiers
 * did some of the work. The extra instances stop at the end.
 */
@ExtendWith(EndToEndStack.Resolver.class)
class WorkersScaleOutIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration ROUND_TIMEOUT = Duration.ofMinutes(6);

    @Test
    void twelveTargetsAtOnceOnTwoDumpWorkersAndTwoVerifiersAreEachVerifiedOnce(EndToEndStack e2e) throws IOException {
        Stack stack = e2e.stack();
        List<ServiceProcess> extra = new ArrayList<>();
        try {
            try (ConsumerGroups groups =
                    new ConsumerGroups(stack.kafkaBootstrapServers(), stack.kafkaAdminProperties())) {
                int workerMembers = groups.awaitStable(ConsumerGroups.DUMP_WORKER, 1, START_TIMEOUT);
                int verifierMembers = groups.awaitStable(ConsumerGroups.VERIFIER, 1, START_TIMEOUT);
                extra.add(stack.startInstance(BulwarkService.DUMP_WORKER, "2"));
                extra.add(stack.startInstance(BulwarkService.VERIFIER, "2"));
                groups.awaitStable(ConsumerGroups.DUMP_WORKER, 2 * workerMembers, START_TIMEOUT);
                groups.awaitStable(ConsumerGroups.VERIFIER, 2 * verifierMembers, START_TIMEOUT);
            }

            ScaleRound.Result round = ScaleRound.run(stack, EndToEndStack.SCALE_TARGETS, ROUND_TIMEOUT, System.out);

            assertThat(round.requested()).hasSize(EndToEndStack.SCALE_TARGETS.size());
            assertThat(round.verified())
                    .as("VERIFIED backups; the others by state: %s", round.notVerified())
                    .isEqualTo(EndToEndStack.SCALE_TARGETS.size());
            assertThat(round.lost()).as("lost").isZero();
            assertThat(round.duplicated())
                    .as("completions or verdicts beyond one per backup")
                    .isZero();
            List<UUID> ids = List.copyOf(round.requested().keySet());
            assertThat(backupsIn(stack.service(BulwarkService.DUMP_WORKER).logFile(), ids, "completed"))
                    .as("backups the first dump-worker completed")
                    .isPositive();
            assertThat(backupsIn(extra.get(0).logFile(), ids, "completed"))
                    .as("backups the second dump-worker completed")
                    .isPositive();
            assertThat(backupsIn(stack.service(BulwarkService.VERIFIER).logFile(), ids, "verified:"))
                    .as("backups the first verifier verified")
                    .isPositive();
            assertThat(backupsIn(extra.get(1).logFile(), ids, "verified:"))
                    .as("backups the second verifier verified")
                    .isPositive();
        } finally {
            extra.forEach(ServiceProcess::close);
        }
    }

    /** How many of {@code ids} a log names on a line that also holds {@code word}. */
    private static long backupsIn(Path log, List<UUID> ids, String word) throws IOException {
        List<String> lines =
                Files.readAllLines(log).stream().filter(l -> l.contains(word)).toList();
        return ids.stream()
                .filter(id -> lines.stream().anyMatch(l -> l.contains(id.toString())))
                .count();
    }
}
