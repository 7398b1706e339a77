/**
 * The alert rules: each {@link io.bulwark.scheduler.domain.alerts.AlertCondition} is a pure function of a target's
 * projected state and the current time, and {@link io.bulwark.scheduler.domain.alerts.AlertLifecycle} turns the
 * findings of one evaluation into alert transitions (open once, escalate while open, resolve once).
 */
package io.bulwark.scheduler.domain.alerts;
