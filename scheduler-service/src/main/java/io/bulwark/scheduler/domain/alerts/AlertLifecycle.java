package io.bulwark.scheduler.domain.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The life of alerts, as a pure function of the unresolved alerts, the findings of one evaluation and the time:
 *
 * <ul>
 *   <li>a finding with no unresolved alert of its {@link Finding#dedupKey()} opens one (OPEN, level 0);
 *   <li>an unresolved alert whose finding still holds escalates (ESCALATED, level + 1) once {@code escalationInterval}
 *       passed since its last OPEN or ESCALATED, else only takes the finding's newer figures (no event);
 *   <li>an unresolved alert without a finding resolves (RESOLVED, once).
 * </ul>
 *
 * An alert whose current state is not yet published ({@link Alert#pendingPublish()}) is not moved on: its event goes
 * out first, so that no consumer sees a RESOLVED or ESCALATED without the OPEN before it.
 */
public final class AlertLifecycle {

    private final Duration escalationInterval;
    private final Supplier<UUID> ids;

    /**
     * @param escalationInterval how long an alert stays unchanged before it escalates ({@code
     *     bulwark.alerts.escalation-interval}), positive
     * @param ids makes the id of a new alert
     * @throws IllegalArgumentException when {@code escalationInterval} is not positive
     */
    public AlertLifecycle(Duration escalationInterval, Supplier<UUID> ids) {
        if (escalationInterval == null || escalationInterval.isZero() || escalationInterval.isNegative()) {
            throw new IllegalArgumentException("escalation interval must be positive but was " + escalationInterval);
        }
        this.escalationInterval = escalationInterval;
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * What changes.
     *
     * @param unresolved the alerts still OPEN or ESCALATED
     * @param findings the findings of this evaluation (the first of equal dedup keys wins)
     * @param now the time of this evaluation
     * @return the new alerts ({@code opened}) and the changed ones ({@code changed}: escalated, resolved or refreshed)
     */
    public Changes apply(List<Alert> unresolved, List<Finding> findings, Instant now) {
        Map<String, Finding> byKey = new LinkedHashMap<>();
        findings.forEach(f -> byKey.putIfAbsent(f.dedupKey(), f));
        Map<String, Alert> open = new LinkedHashMap<>();
        unresolved.stream().filter(Alert::isUnresolved).forEach(a -> open.putIfAbsent(a.dedupKey(), a));
        List<Alert> opened = new ArrayList<>();
        List<Alert> changed = new ArrayList<>();
        byKey.forEach((key, finding) -> {
            Alert alert = open.get(key);
            if (alert == null) {
                opened.add(Alert.open(finding, ids.get(), now));
            } else if (!alert.pendingPublish()
                    && !Duration.between(alert.lastSentAt(), now)
                            .minus(escalationInterval)
                            .isNegative()) {
                changed.add(alert.refreshed(finding).escalated(now));
            } else if (alert.differsFrom(finding)) {
                changed.add(alert.refreshed(finding));
            }
        });
        open.forEach((key, alert) -> {
            if (!byKey.containsKey(key) && !alert.pendingPublish()) {
                changed.add(alert.resolved(now));
            }
        });
        return new Changes(opened, changed);
    }

    /**
     * The outcome of one evaluation.
     *
     * @param opened alerts to insert, each OPEN and pending publication
     * @param changed alerts to update: escalated or resolved (pending publication) or only refreshed
     */
    public record Changes(List<Alert> opened, List<Alert> changed) {
        public Changes {
            opened = List.copyOf(opened);
            changed = List.copyOf(changed);
        }
    }
}
