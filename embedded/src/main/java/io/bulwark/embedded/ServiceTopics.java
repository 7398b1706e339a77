package io.bulwark.embedded;

import io.bulwark.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which Kafka topics each Bulwark service writes and reads, and its consumer group: the input of {@link
 * KafkaAccessControl}. Derived from {@link Topics} and each service's {@code application.yml} bindings ({@code
 * *-out-0} destinations are produced, {@code *-in-0} destinations consumed in the binding's {@code group}); every
 * consumed topic has {@code enable-dlq}, so the service also writes that topic's dead-letter topic. A binding added
 * to a service's {@code application.yml} must be added here too, or the broker refuses it.
 *
 * @param user the service's Kafka user (its SCRAM principal), the service's module name, e.g. {@code dump-worker}
 * @param group the consumer group of its bindings, e.g. {@code bulwark-dump-worker}
 * @param produces the topics it publishes events to
 * @param consumes the topics it reads
 */
public record ServiceTopics(String user, String group, List<String> produces, List<String> consumes) {

    /** The scheduler: requests backups, verifications and restores; projects every event into its read model. */
    public static final ServiceTopics SCHEDULER = new ServiceTopics(
            "scheduler-service",
            "bulwark-scheduler",
            List.of(
                    Topics.BACKUP_REQUESTED,
                    Topics.VERIFICATION_REQUESTED,
                    Topics.RESTORE_REQUESTED,
                    Topics.ALERT,
                    Topics.REPORT),
            List.of(
                    Topics.BACKUP_REQUESTED,
                    Topics.BACKUP_COMPLETED,
                    Topics.BACKUP_FAILED,
                    Topics.BACKUP_VERIFIED,
                    Topics.BACKUP_DELETED,
                    Topics.BACKUP_PROGRESS,
                    Topics.RESTORE_REQUESTED,
                    Topics.RESTORE_PROGRESS,
                    Topics.RESTORE_COMPLETED,
                    Topics.RESTORE_FAILED,
                    Topics.BACKUP_COPY));

    /** The dump-worker: takes backup requests, reports progress, completion and failure. */
    public static final ServiceTopics DUMP_WORKER = new ServiceTopics(
            "dump-worker",
            "bulwark-dump-worker",
            List.of(Topics.BACKUP_COMPLETED, Topics.BACKUP_FAILED, Topics.BACKUP_PROGRESS),
            List.of(Topics.BACKUP_REQUESTED));

    /** The verifier: verifies completed backups on request, restores; reports verdicts and restores. */
    public static final ServiceTopics VERIFIER = new ServiceTopics(
            "verifier-service",
            "bulwark-verifier",
            List.of(Topics.BACKUP_VERIFIED, Topics.RESTORE_PROGRESS, Topics.RESTORE_COMPLETED, Topics.RESTORE_FAILED),
            List.of(Topics.BACKUP_COMPLETED, Topics.VERIFICATION_REQUESTED, Topics.RESTORE_REQUESTED));

    /** Retention: reads verdicts, reports deletions and copies. */
    public static final ServiceTopics RETENTION = new ServiceTopics(
            "retention-service",
            "bulwark-retention",
            List.of(Topics.BACKUP_DELETED, Topics.BACKUP_COPY),
            List.of(Topics.BACKUP_VERIFIED));

    /** The notifier: reads failures, verdicts, deletions, restore outcomes, alerts and reports; publishes nothing. */
    public static final ServiceTopics NOTIFIER = new ServiceTopics(
            "notifier-service",
            "bulwark-notifier",
            List.of(),
            List.of(
                    Topics.BACKUP_FAILED,
                    Topics.BACKUP_VERIFIED,
                    Topics.BACKUP_DELETED,
                    Topics.RESTORE_FAILED,
                    Topics.RESTORE_COMPLETED,
                    Topics.ALERT,
                    Topics.REPORT));

    /** The five services. */
    public static final List<ServiceTopics> ALL = List.of(SCHEDULER, DUMP_WORKER, VERIFIER, RETENTION, NOTIFIER);

    public ServiceTopics {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(group, "group");
        produces = List.copyOf(produces);
        consumes = List.copyOf(consumes);
    }

    /** The dead-letter topics the service writes: one per consumed topic ({@link Topics#deadLetter}). */
    public List<String> deadLetters() {
        return consumes.stream().map(Topics::deadLetter).toList();
    }

    /** Every topic the service writes: its own topics and its dead-letter topics, without repeats. */
    public List<String> writes() {
        List<String> all = new ArrayList<>(produces);
        deadLetters().stream().filter(t -> !all.contains(t)).forEach(all::add);
        return List.copyOf(all);
    }

    /**
     * The service named {@code user}.
     *
     * @throws IllegalArgumentException when no service has that user
     */
    public static ServiceTopics of(String user) {
        return ALL.stream()
                .filter(s -> s.user().equals(user))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Bulwark service uses the Kafka user " + user));
    }
}
