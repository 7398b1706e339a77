package io.bulwark.verifier.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many verifications one verifier runs at once ({@code bulwark.verifier.concurrency} and {@code
 * bulwark.verifier.max-concurrent-sandboxes}).
 *
 * @param concurrency consumer threads of {@code bulwark.backup.completed} and {@code bulwark.verification.requested}
 *     (the binder's {@code concurrency}, which application.yml reads from this property): records taken at once, each
 *     handled and acknowledged on its own thread; 1 to 64, default 2. Threads beyond the topic's partitions stay idle
 * @param maxConcurrentSandboxes sandboxes alive at once in this verifier, whatever the threads; a verification waits
 *     for a slot before it starts its sandbox. Each local PostgreSQL sandbox takes about 60-100 MB of memory and one
 *     core while it restores (docs/operations.md, "Capacity"); 1 to 64, default 2
 */
@Validated
@ConfigurationProperties("bulwark.verifier")
public record ConcurrencyProperties(
        @DefaultValue("2") int concurrency,
        @DefaultValue("2") int maxConcurrentSandboxes) {

    /** The largest value either property takes. */
    public static final int LIMIT = 64;

    /**
     * @throws IllegalArgumentException naming the property when a value is below 1 or above {@value #LIMIT}
     */
    public ConcurrencyProperties {
        if (concurrency < 1 || concurrency > LIMIT) {
            throw new IllegalArgumentException(
                    "bulwark.verifier.concurrency must be between 1 and " + LIMIT + " but was " + concurrency);
        }
        if (maxConcurrentSandboxes < 1 || maxConcurrentSandboxes > LIMIT) {
            throw new IllegalArgumentException("bulwark.verifier.max-concurrent-sandboxes must be between 1 and "
                    + LIMIT + " but was " + maxConcurrentSandboxes);
        }
    }
}
