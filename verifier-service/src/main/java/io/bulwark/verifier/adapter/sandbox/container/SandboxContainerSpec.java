package io.bulwark.verifier.adapter.sandbox.container;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a sandbox container is fenced in: its network, its published port and its resource limits. A restored artifact
 * is hostile input; the server in the container must reach nothing and must not starve the host.
 *
 * <p>Network ({@link Network}):
 *
 * <ul>
 *   <li>{@link Network#PUBLISHED} (the default): the container sits on a bridge network of its own whose outbound
 *       masquerading is off ({@code com.docker.network.bridge.enable_ip_masquerade=false}), so packets to anywhere
 *       but the host leave with a private source address and get no answer; its port is published on {@code
 *       127.0.0.1} only. This is the mode that works wherever the verifier runs, since a Docker {@code internal}
 *       network cannot publish ports.
 *   <li>{@link Network#INTERNAL}: the container sits on an {@code internal} network (no route out at all) and
 *       publishes nothing; the verifier connects to the container's address on that network, so the verifier must be
 *       attached to it (a verifier running in Docker) or run on the Linux host of the engine.
 * </ul>
 *
 * <p>Limits, in the container's {@link HostConfig}: memory ({@code Memory}, and {@code MemorySwap} equal to it: no
 * swap), CPUs ({@code NanoCPUs}), processes ({@code PidsLimit}), and {@code no-new-privileges}. Immutable.
 *
 * @param network where the container is attached
 * @param memoryBytes the memory limit in bytes; at least 64 MiB
 * @param cpus the CPU limit in CPUs, e.g. {@code 1.5}; positive
 * @param pidsLimit the most processes (threads included) in the container; at least 64
 */
public record SandboxContainerSpec(Network network, long memoryBytes, double cpus, long pidsLimit) {

    /** Where a sandbox container is attached. */
    public enum Network {
        /** Its own bridge without outbound masquerading; the port published on 127.0.0.1. */
        PUBLISHED,
        /** An internal network: no route out, nothing published. */
        INTERNAL;

        /**
         * {@code published} or {@code internal}, any case.
         *
         * @throws IllegalArgumentException for anything else
         */
        public static Network parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "the sandbox container network must be published or internal but" + " was '" + value + "'");
            }
        }
    }

    /** The address published ports are bound to. */
    public static final String BIND_ADDRESS = "127.0.0.1";

    /** The Docker network option that turns outbound NAT off on a bridge network. */
    public static final String NO_MASQUERADE = "com.docker.network.bridge.enable_ip_masquerade";

    /** Published on 127.0.0.1 without egress, 1 GiB, 1 CPU, 512 processes. */
    public static final SandboxContainerSpec DEFAULT =
            new SandboxContainerSpec(Network.PUBLISHED, 1024L * 1024 * 1024, 1.0, 512);

    public SandboxContainerSpec {
        Objects.requireNonNull(network, "network");
        if (memoryBytes < 64L * 1024 * 1024) {
            throw new IllegalArgumentException(
                    "the sandbox container memory must be at least 64 MiB but was " + memoryBytes + " bytes");
        }
        if (!(cpus > 0)) {
            throw new IllegalArgumentException("the sandbox container cpus must be positive but was " + cpus);
        }
        if (pidsLimit < 64) {
            throw new IllegalArgumentException(
                    "the sandbox container pids limit must be at least 64 but was " + pidsLimit);
        }
    }

    /** True for an {@code internal} network. */
    public boolean internal() {
        return network == Network.INTERNAL;
    }

    /** The options of the network the container is attached to. */
    public Map<String, String> networkOptions() {
        return internal() ? Map.of() : Map.of(NO_MASQUERADE, "false");
    }

    /**
     * Sets the limits on {@code hostConfig} and, for {@link Network#PUBLISHED}, binds {@code port} to a free port of
     * {@value #BIND_ADDRESS}; for {@link Network#INTERNAL} removes every port binding.
     *
     * @return {@code hostConfig}
     */
    public HostConfig applyTo(HostConfig hostConfig, int port) {
        return applyTo(hostConfig, port, BIND_ADDRESS);
    }

    /**
     * As {@link #applyTo(HostConfig, int)}, publishing on {@code bindAddress} (an address of the Docker host, e.g.
     * its bridge gateway where the verifier itself runs in a container) instead of {@value #BIND_ADDRESS}.
     *
     * @return {@code hostConfig}
     */
    public HostConfig applyTo(HostConfig hostConfig, int port, String bindAddress) {
        Objects.requireNonNull(bindAddress, "bindAddress");
        hostConfig
                .withMemory(memoryBytes)
                .withMemorySwap(memoryBytes)
                .withNanoCPUs(Math.round(cpus * 1_000_000_000d))
                .withPidsLimit(pidsLimit)
                .withSecurityOpts(java.util.List.of("no-new-privileges"))
                .withPublishAllPorts(false);
        Ports ports = new Ports();
        if (!internal()) {
            ports.add(new PortBinding(Ports.Binding.bindIp(bindAddress), ExposedPort.tcp(port)));
        }
        return hostConfig.withPortBindings(ports);
    }
}
