package io.bulwark.scheduler.domain.alerts;

import io.bulwark.contracts.AlertKind;
import io.bulwark.contracts.AlertSeverity;
import java.time.Instant;
import java.util.List;

/**
 * OBJECT_STORE_UNREACHABLE (CRITICAL, target {@code _all}): the scheduler's object store ({@code bulwark.storage.*})
 * did not answer its probe. Judged on the {@link TargetAlertState#installation installation state} only; resolves
 * when the store answers again. Never raised when no object store is configured.
 */
public final class ObjectStoreUnreachable implements AlertCondition {

    @Override
    public AlertKind kind() {
        return AlertKind.OBJECT_STORE_UNREACHABLE;
    }

    @Override
    public List<Finding> evaluate(TargetAlertState target, Instant now) {
        if (!target.isInstallation() || target.objectStoreError() == null) {
            return List.of();
        }
        return List.of(new Finding(
                target.targetId(),
                kind(),
                AlertSeverity.CRITICAL,
                "",
                "object store does not answer: " + target.objectStoreError(),
                null,
                null));
    }
}
