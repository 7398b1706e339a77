package io.bulwark.scheduler.application.alerts;

import io.bulwark.scheduler.application.ActivityCatalog;
import io.bulwark.scheduler.application.BackupCatalog;
import io.bulwark.scheduler.application.ScheduleCatalog;
import io.bulwark.scheduler.application.Transactions;
import io.bulwark.scheduler.domain.ActiveBackup;
import io.bulwark.scheduler.domain.ActivityPhase;
import io.bulwark.scheduler.domain.alerts.Alert;
import io.bulwark.scheduler.domain.alerts.AlertCondition;
import io.bulwark.scheduler.domain.alerts.AlertLifecycle;
import io.bulwark.scheduler.domain.alerts.Finding;
import io.bulwark.scheduler.domain.alerts.TargetAlertState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: one run of the alert evaluation, on a timer (one scheduler instance at a time).
 *
 * <ol>
 *   <li>asks the object store (when one is configured) outside any transaction;
 *   <li>in one transaction: reads each configured target's state from the projection, runs every {@link
 *       AlertCondition}, applies the {@link AlertLifecycle} and stores the new and changed alerts, each transition
 *       marked pending publication;
 *   <li>after the commit, publishes every pending alert's event and clears its mark once the broker accepted it.
 *       An event the broker refuses (or a crash before the mark is cleared) stays pending and is published on the
 *       next run with the same event id: no transition is lost, a repeat is recognizable.
 * </ol>
 */
public class EvaluateAlerts {

    private static final Logger log = LoggerFactory.getLogger(EvaluateAlerts.class);

    /** How many running backups are read to find the queued ones. */
    private static final int ACTIVE_LIMIT = 500;

    private final List<WatchedTarget> targets;
    private final BackupCatalog backups;
    private final ScheduleCatalog schedules;
    private final ActivityCatalog activity;
    private final AlertStore store;
    private final AlertPublisher publisher;
    private final ObjectStoreProbe objectStore;
    private final List<AlertCondition> conditions;
    private final AlertLifecycle lifecycle;
    private final AlertEvents events;
    private final Transactions transactions;
    private final Clock clock;
    private final int history;

    /**
     * @param targets the configured targets
     * @param backups the projected backups
     * @param schedules the stored schedules
     * @param activity the running backups (for the queued ones)
     * @param store the stored alerts
     * @param publisher publishes transitions
     * @param objectStore asks the object store, or null when none is configured
     * @param conditions the rules, each run on every target and on the installation
     * @param lifecycle turns findings into transitions
     * @param events makes the events
     * @param transactions the database transaction
     * @param clock the time of a run
     * @param history how many of a target's most recent backups the rules see, larger than every rule's window
     */
    public EvaluateAlerts(
            List<WatchedTarget> targets,
            BackupCatalog backups,
            ScheduleCatalog schedules,
            ActivityCatalog activity,
            AlertStore store,
            AlertPublisher publisher,
            ObjectStoreProbe objectStore,
            List<AlertCondition> conditions,
            AlertLifecycle lifecycle,
            AlertEvents events,
            Transactions transactions,
            Clock clock,
            int history) {
        this.targets = List.copyOf(targets);
        this.backups = backups;
        this.schedules = schedules;
        this.activity = activity;
        this.store = store;
        this.publisher = publisher;
        this.objectStore = objectStore;
        this.conditions = List.copyOf(conditions);
        this.lifecycle = lifecycle;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.history = history;
    }

    /**
     * One run: evaluate, store, publish.
     *
     * @return what this run changed and published
     * @throws RuntimeException when the database fails (nothing of this run's evaluation is stored)
     */
    public Run run() {
        String storeProblem = objectStore == null ? null : objectStore.problem().orElse(null);
        Instant now = clock.instant();
        AlertLifecycle.Changes changes = transactions.inTransaction(() -> evaluate(now, storeProblem));
        int published = publishPending();
        return new Run(changes.opened().size(), changes.changed().size(), published);
    }

    private AlertLifecycle.Changes evaluate(Instant now, String storeProblem) {
        Map<String, Set<UUID>> queued = activity.activeBackups(ACTIVE_LIMIT).stream()
                .filter(a -> a.phase() == ActivityPhase.QUEUED)
                .collect(Collectors.groupingBy(
                        ActiveBackup::targetId, Collectors.mapping(ActiveBackup::backupId, Collectors.toSet())));
        List<TargetAlertState> states = new ArrayList<>();
        for (WatchedTarget t : targets) {
            states.add(new TargetAlertState(
                    t.targetId(),
                    t.rpo(),
                    t.rto(),
                    t.maxDumpDuration(),
                    store.watchedSince(t.targetId(), now),
                    backups.newestVerified(t.targetId(), null).orElse(null),
                    backups.list(t.targetId(), null, history),
                    schedules.list(Optional.of(t.targetId())),
                    queued.getOrDefault(t.targetId(), Set.of()),
                    null));
        }
        states.add(TargetAlertState.installation(storeProblem));
        List<Finding> findings = new ArrayList<>();
        for (TargetAlertState state : states) {
            for (AlertCondition condition : conditions) {
                findings.addAll(condition.evaluate(state, now));
            }
        }
        AlertLifecycle.Changes changes = lifecycle.apply(store.unresolved(), findings, now);
        changes.opened().forEach(a -> {
            if (store.insert(a)) {
                log.info("alert {} OPEN: {}", a.alertId(), a.summary());
            }
        });
        changes.changed().forEach(a -> {
            store.update(a);
            if (a.pendingPublish()) {
                log.info("alert {} {} (level {}): {}", a.alertId(), a.state(), a.escalationLevel(), a.summary());
            }
        });
        return changes;
    }

    /**
     * Publishes every pending transition, oldest first; stops at the first the broker refuses (the rest wait for
     * the next run).
     *
     * @return how many were published
     */
    public int publishPending() {
        int published = 0;
        for (Alert alert : store.pendingPublish()) {
            try {
                publisher.publish(events.event(alert));
            } catch (RuntimeException e) {
                log.warn(
                        "could not publish alert {} {} (kept pending, tried again next run): {}",
                        alert.alertId(),
                        alert.state(),
                        e.toString());
                return published;
            }
            store.markPublished(alert.alertId(), alert.state(), alert.escalationLevel());
            published++;
        }
        return published;
    }

    /**
     * The outcome of one run.
     *
     * @param opened alerts opened
     * @param changed alerts escalated, resolved or refreshed
     * @param published events the broker accepted
     */
    public record Run(int opened, int changed, int published) {}
}
