package io.bulwark.verifier.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code keyRing} health indicator ({@code /actuator/health/keyRing}): DOWN when a target encrypts its new backups
 * only to keys the verifier's ring cannot open (each of them would end in an ERROR verdict), UP otherwise. The details
 * name the ring's fingerprints and, per target, its recipients and those without a secret key; never key material.
 */
final class KeyRingHealthIndicator implements HealthIndicator {

    private final KeyRingCoverage coverage;

    KeyRingHealthIndicator(KeyRingCoverage coverage) {
        this.coverage = coverage;
    }

    @Override
    public Health health() {
        Map<String, Object> targets = new LinkedHashMap<>();
        coverage.targets().forEach((id, target) -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("recipients", target.recipients());
            detail.put("withoutSecretKey", target.missing());
            detail.put("covered", target.covered());
            if (target.problem() != null) {
                detail.put("problem", target.problem());
            }
            targets.put(id, detail);
        });
        Health.Builder builder = coverage.uncoveredTargets().isEmpty() ? Health.up() : Health.down();
        return builder.withDetail("ring", coverage.ringFingerprints())
                .withDetail("targets", targets)
                .withDetail("uncoveredTargets", coverage.uncoveredTargets())
                .build();
    }
}
