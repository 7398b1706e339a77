package io.bulwark.verifier.config;

import io.bulwark.verifier.adapter.sandbox.container.SandboxContainerSpec;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How {@code container} sandboxes are fenced in ({@code bulwark.verifier.sandbox.container-limits.*}); see {@link
 * SandboxContainerSpec} for what each mode does.
 *
 * @param network {@code published} (default: its own bridge without outbound NAT, the port on 127.0.0.1) or {@code
 *     internal} (an internal Docker network, nothing published; the verifier must be attached to it)
 * @param memory the memory limit, no swap beyond it; default {@code 1GB}, at least {@code 64MB}
 * @param cpus the CPU limit in CPUs; default {@code 1}
 * @param pids the most processes and threads; default {@code 512}, at least 64
 */
@ConfigurationProperties("bulwark.verifier.sandbox.container-limits")
public record SandboxContainerLimitsProperties(String network, DataSize memory, Double cpus, Long pids) {

    /**
     * The spec these settings make.
     *
     * @throws IllegalArgumentException when a setting is out of range
     */
    public SandboxContainerSpec spec() {
        SandboxContainerSpec d = SandboxContainerSpec.DEFAULT;
        return new SandboxContainerSpec(
                network == null || network.isBlank() ? d.network() : SandboxContainerSpec.Network.parse(network),
                memory == null ? d.memoryBytes() : memory.toBytes(),
                cpus == null ? d.cpus() : cpus,
                pids == null ? d.pidsLimit() : pids);
    }
}
