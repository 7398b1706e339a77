package io.bulwark.scheduler.domain.alerts;

import io.bulwark.contracts.AlertKind;
import java.time.Instant;
import java.util.List;

/**
 * One alert rule: a pure function of a target's projected state and the current time, so that it is tested with a
 * fixed clock. An implementation never throws on missing figures (a backup without a size or timings): it skips
 * them.
 */
public interface AlertCondition {

    /** The kind of alert this rule raises. */
    AlertKind kind();

    /**
     * The findings that hold at {@code now}.
     *
     * @param target the target's projected state
     * @param now the time to judge at
     * @return zero or more findings, each of {@link #kind()}; their {@link Finding#dedupKey()}s are distinct
     */
    List<Finding> evaluate(TargetAlertState target, Instant now);
}
