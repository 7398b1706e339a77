package io.bulwark.localstack.bench;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.Topics;
import io.bulwark.localstack.SchedulerClient;
import io.bulwark.localstack.SchedulerClient.BackupStatus;
import io.bulwark.localstack.Stack;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One round of the scale benchmark on a running stack: requests a manual backup of every target at once through the
 * scheduler's API, polls the scheduler until each backup reached a final state (or the timeout passed), then counts on
 * Kafka the {@code BackupCompleted} and {@code BackupVerified} records of each backup.
 */
public final class ScaleRound {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private ScaleRound() {}

    /**
     * What one round measured.
     *
     * @param requested backup id to target id, in request order
     * @param states backup id to the last state the scheduler reported ({@code VERIFIED}, ..., or {@code UNKNOWN})
     * @param completions backup id to its {@code BackupCompleted} records on {@value Topics#BACKUP_COMPLETED}
     * @param verifications backup id to its {@code BackupVerified} records on {@value Topics#BACKUP_VERIFIED}
     * @param wallMillis from the first request to the moment every backup was seen final (or the timeout), ms
     */
    public record Result(
            Map<UUID, String> requested,
            Map<UUID, String> states,
            Map<UUID, Long> completions,
            Map<UUID, Long> verifications,
            long wallMillis) {

        /** Backups the scheduler reports VERIFIED. */
        public long verified() {
            return states.values().stream().filter("VERIFIED"::equals).count();
        }

        /** Backups requested and not VERIFIED at the end: failed, not verified, or never heard of. */
        public long lost() {
            return requested.size() - verified();
        }

        /**
         * Records beyond the first of each backup, over both topics: 0 when every backup was completed and verified
         * exactly once.
         */
        public long duplicated() {
            return extra(completions) + extra(verifications);
        }

        /** Backups verified per minute of wall time. */
        public double perMinute() {
            return verified() * 60_000.0 / Math.max(1, wallMillis);
        }

        /** The states other than VERIFIED, with how many backups are in each, e.g. {@code {COMPLETED=2}}. */
        public Map<String, Long> notVerified() {
            return states.values().stream()
                    .filter(s -> !"VERIFIED".equals(s))
                    .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        }

        private static long extra(Map<UUID, Long> counts) {
            return counts.values().stream().mapToLong(n -> Math.max(0, n - 1)).sum();
        }
    }

    /**
     * Requests every target at once and waits for the outcomes.
     *
     * @param stack a stack whose scheduler, dump-workers and verifiers run and declare {@code targetIds}
     * @param targetIds the targets to back up, each once
     * @param timeout how long all the backups may take in all
     * @param progress where a line is printed every 10 s while waiting
     * @return the figures; the round ends at the timeout with the backups not final counted as lost
     * @throws SchedulerClient.SchedulerException when the scheduler refuses a request
     */
    public static Result run(Stack stack, List<String> targetIds, Duration timeout, PrintStream progress) {
        SchedulerClient scheduler = stack.schedulerClient();
        Map<UUID, String> requested = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (String targetId : targetIds) {
            requested.put(scheduler.requestBackup(targetId, "scale-bench"), targetId);
        }
        Map<UUID, String> states = new LinkedHashMap<>();
        requested.keySet().forEach(id -> states.put(id, "UNKNOWN"));
        long deadline = started + timeout.toNanos();
        long nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long ended;
        while (true) {
            for (Map.Entry<UUID, String> e : states.entrySet()) {
                if (!isFinal(e.getValue())) {
                    Optional<BackupStatus> status = scheduler.backup(e.getKey());
                    status.map(BackupStatus::state).ifPresent(e::setValue);
                }
            }
            ended = System.nanoTime();
            long pending = states.values().stream().filter(s -> !isFinal(s)).count();
            if (pending == 0 || ended > deadline) {
                break;
            }
            if (ended > nextReport) {
                progress.println(
                        "bench: " + (requested.size() - pending) + " of " + requested.size() + " backups final after "
                                + Duration.ofNanos(ended - started).toSeconds() + " s");
                nextReport = ended + Duration.ofSeconds(10).toNanos();
            }
            sleep(POLL_INTERVAL);
        }
        long wallMillis = Duration.ofNanos(ended - started).toMillis();
        Map<UUID, Long> completions = count(
                EventLog.read(
                                stack.kafkaBootstrapServers(),
                                stack.kafkaAdminProperties(),
                                Topics.BACKUP_COMPLETED,
                                BackupCompleted.class)
                        .stream()
                        .map(BackupCompleted::backupId)
                        .toList(),
                requested);
        Map<UUID, Long> verifications = count(
                EventLog.read(
                                stack.kafkaBootstrapServers(),
                                stack.kafkaAdminProperties(),
                                Topics.BACKUP_VERIFIED,
                                BackupVerified.class)
                        .stream()
                        .map(BackupVerified::backupId)
                        .toList(),
                requested);
        return new Result(
                Collections.unmodifiableMap(requested),
                Collections.unmodifiableMap(states),
                completions,
                verifications,
                wallMillis);
    }

    private static boolean isFinal(String state) {
        return SchedulerClient.FINAL_STATES.contains(state);
    }

    private static Map<UUID, Long> count(List<UUID> ids, Map<UUID, String> requested) {
        return ids.stream()
                .filter(requested::containsKey)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the backups", e);
        }
    }
}
