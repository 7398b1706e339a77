package io.bulwark.verifier.adapter.sandbox.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import io.bulwark.verifier.application.SandboxException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * The Docker side of {@code container} sandboxes (Testcontainers): starts a database server image with the labels
 * that mark it as a Bulwark sandbox, fenced in by a {@link SandboxContainerSpec} (no outbound network, port on
 * 127.0.0.1 only, memory, CPU and process limits), waits until it answers SQL, and removes it on close; removes the sandbox
 * containers a dead verifier left behind. Testcontainers' own reaper (Ryuk) also removes a JVM's containers when
 * the JVM dies. Thread-safe.
 */
public final class SandboxContainers implements AutoCloseable {

    /** The label on every sandbox container, value {@code true}. */
    public static final String LABEL = "io.bulwark.sandbox";

    /** The label holding when the sandbox was created, in epoch seconds. */
    public static final String CREATED_LABEL = "io.bulwark.sandbox.created";

    private static final Logger log = LoggerFactory.getLogger(SandboxContainers.class);
    private static final Duration READY_POLL = Duration.ofMillis(200);

    private final Duration startupTimeout;
    private final Clock clock;
    private final SandboxContainerSpec spec;
    private final Set<GenericContainer<?>> live = ConcurrentHashMap.newKeySet();
    private Network network;
    private String publishAddress;

    /**
     * Containers fenced in by {@link SandboxContainerSpec#DEFAULT}.
     *
     * @param startupTimeout how long pulling the image and starting the server may take
     */
    public SandboxContainers(Duration startupTimeout, Clock clock) {
        this(startupTimeout, clock, SandboxContainerSpec.DEFAULT);
    }

    /**
     * @param startupTimeout how long pulling the image and starting the server may take
     * @param spec the network and limits of every container
     */
    public SandboxContainers(Duration startupTimeout, Clock clock, SandboxContainerSpec spec) {
        this.startupTimeout = Objects.requireNonNull(startupTimeout, "startupTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** The network and limits of every container. */
    public SandboxContainerSpec spec() {
        return spec;
    }

    /** The network every sandbox container is attached to, created on first use (see {@link SandboxContainerSpec}). */
    private synchronized Network network() {
        if (network == null) {
            network = Network.builder()
                    .createNetworkCmdModifier(cmd -> cmd.withInternal(spec.internal())
                            .withOptions(spec.networkOptions())
                            .withLabels(Map.of(LABEL, "true")))
                    .build();
        }
        return network;
    }

    /**
     * The address of the Docker host that published ports are bound to: {@value SandboxContainerSpec#BIND_ADDRESS}
     * where the engine is local, else the address the verifier reaches the Docker host by (Testcontainers' host,
     * e.g. {@code host.docker.internal} from {@code TESTCONTAINERS_HOST_OVERRIDE} when the verifier runs in a
     * container: a port bound to the host's 127.0.0.1 is out of a container's reach).
     */
    private synchronized String publishAddress() {
        if (publishAddress == null) {
            publishAddress = publishAddress(DockerClientFactory.instance().dockerHostIpAddress());
        }
        return publishAddress;
    }

    /**
     * {@value SandboxContainerSpec#BIND_ADDRESS} for a local Docker host ({@code localhost}, {@code 127.x},
     * {@code ::1}, none), else {@code dockerHost} resolved to an IP address (as is when it does not resolve).
     */
    static String publishAddress(String dockerHost) {
        if (dockerHost == null
                || dockerHost.isBlank()
                || "localhost".equalsIgnoreCase(dockerHost)
                || dockerHost.startsWith("127.")
                || "::1".equals(dockerHost)) {
            return SandboxContainerSpec.BIND_ADDRESS;
        }
        try {
            InetAddress address = InetAddress.getByName(dockerHost);
            return address.isLoopbackAddress() ? SandboxContainerSpec.BIND_ADDRESS : address.getHostAddress();
        } catch (UnknownHostException e) {
            return dockerHost;
        }
    }

    /** True when a Docker engine answers (Testcontainers' discovery: {@code DOCKER_HOST}, the socket, ...). */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Removes the sandbox containers ({@link #LABEL}) created more than {@code orphanAge} ago: left by a verifier
     * that died where the reaper could not run. Younger ones may belong to a live verifier and are kept.
     *
     * @return how many were removed; 0 when Docker cannot be asked
     */
    public int reapOrphans(Duration orphanAge) {
        long oldest = clock.instant().minus(orphanAge).getEpochSecond();
        int removed = 0;
        try {
            DockerClient docker = DockerClientFactory.instance().client();
            List<Container> containers = docker.listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(Map.of(LABEL, "true"))
                    .exec();
            for (Container container : containers) {
                long created = createdEpochSeconds(container);
                if (created < oldest) {
                    try {
                        docker.removeContainerCmd(container.getId())
                                .withForce(true)
                                .withRemoveVolumes(true)
                                .exec();
                        removed++;
                    } catch (RuntimeException e) {
                        log.warn(
                                "cannot remove sandbox container {} left behind: {}",
                                container.getId(),
                                e.getMessage());
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("cannot look for sandbox containers left behind: {}", e.getMessage());
        }
        return removed;
    }

    private static long createdEpochSeconds(Container container) {
        String label =
                container.getLabels() == null ? null : container.getLabels().get(CREATED_LABEL);
        try {
            return label == null ? container.getCreated() : Long.parseLong(label);
        } catch (NumberFormatException e) {
            return container.getCreated();
        }
    }

    /**
     * Starts {@code image} with {@code env} and {@code command} (null for the image's own), fenced in by the {@link
     * SandboxContainerSpec} (port {@code port} published on 127.0.0.1, or on the address of the Docker host the
     * verifier reaches it by, see {@link #publishAddress(String)}, or reached on the internal network; limits),
     * waits until {@code ready} answers with the server's version, and returns the running container with that
     * version and where to reach it.
     *
     * @throws SandboxException when Docker is unreachable, the image cannot be pulled, the server does not start or
     *     does not answer within the start-up timeout; the container is removed then
     */
    public Started start(String image, int port, Map<String, String> env, List<String> command, ReadyProbe ready) {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        GenericContainer<?> container;
        try {
            container = new GenericContainer<>(DockerImageName.parse(image))
                    .withEnv(env)
                    .withNetwork(network())
                    .withLabels(Map.of(
                            LABEL,
                            "true",
                            CREATED_LABEL,
                            Long.toString(clock.instant().getEpochSecond())))
                    .withCreateContainerCmdModifier(cmd -> cmd.withHostConfig(spec.applyTo(
                            cmd.getHostConfig() == null ? HostConfig.newHostConfig() : cmd.getHostConfig(),
                            port,
                            publishAddress())))
                    // the ReadyProbe below polls the server; Testcontainers' port check would exec in the
                    // container, which a socket proxy refuses
                    .waitingFor(NO_WAIT);
            if (!spec.internal()) {
                container.withExposedPorts(port);
            }
            if (command != null) {
                container.withCommand(command.toArray(String[]::new));
            }
        } catch (RuntimeException e) {
            throw new SandboxException("cannot prepare a sandbox container of " + image + ": " + e.getMessage(), e);
        }
        live.add(container);
        try {
            container.start();
        } catch (RuntimeException e) {
            String logs = tail(container);
            stop(container);
            throw new SandboxException(
                    "the sandbox container " + image + " did not start: " + rootMessage(e)
                            + (logs.isEmpty() ? "" : "; its log ends: " + logs),
                    e);
        }
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try {
                String host = host(container);
                int mapped = spec.internal() ? port : container.getMappedPort(port);
                String version = ready.probe(host, mapped);
                return new Started(container, host, mapped, version);
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(READY_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(container);
                throw new SandboxException("interrupted while waiting for the sandbox container " + image, e);
            }
        }
        String logs = tail(container);
        stop(container);
        throw new SandboxException(
                "the sandbox container " + image + " did not answer SQL within " + startupTimeout
                        + (last == null ? "" : ": " + last.getMessage())
                        + (logs.isEmpty() ? "" : "; its log ends: " + logs),
                last);
    }

    /** Stops and removes {@code container} with its volumes; idempotent, never throws. */
    public void stop(GenericContainer<?> container) {
        live.remove(container);
        try {
            container.stop();
        } catch (RuntimeException e) {
            log.warn(
                    "cannot remove sandbox container {}; it is removed as an orphan later: {}",
                    container.getContainerId(),
                    e.getMessage());
        }
    }

    /** Removes every sandbox container still running and the sandbox network (on shutdown). */
    @Override
    public void close() {
        for (GenericContainer<?> container : List.copyOf(live)) {
            stop(container);
        }
        synchronized (this) {
            if (network != null) {
                try {
                    network.close();
                } catch (RuntimeException e) {
                    log.warn("cannot remove the sandbox network: {}", e.getMessage());
                }
                network = null;
            }
        }
    }

    /**
     * Where the verifier reaches {@code container}: its address on the internal network, or the Docker host ({@code
     * 127.0.0.1} for a local engine, where the port is published).
     */
    private String host(GenericContainer<?> container) {
        if (spec.internal()) {
            return container.getContainerInfo().getNetworkSettings().getNetworks().values().stream()
                    .map(n -> n.getIpAddress())
                    .filter(ip -> ip != null && !ip.isBlank())
                    .findFirst()
                    .orElseThrow(
                            () -> new SandboxException("the sandbox container has no address on its network", null));
        }
        String host = container.getHost();
        return "localhost".equals(host) ? SandboxContainerSpec.BIND_ADDRESS : host;
    }

    /** Waits for nothing: the {@link ReadyProbe} polls the server. */
    private static final WaitStrategy NO_WAIT = new AbstractWaitStrategy() {
        @Override
        protected void waitUntilReady() {
            // the ready probe decides
        }
    };

    private static String tail(GenericContainer<?> container) {
        try {
            if (container.getContainerId() == null) {
                return "";
            }
            String logs = container.getLogs().strip();
            return logs.length() > 600 ? "..." + logs.substring(logs.length() - 600) : logs;
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return cause == e ? message : e.getMessage() + " (" + message + ")";
    }

    /**
     * A running sandbox container.
     *
     * @param container the container, for {@link #stop}
     * @param host the host its port is mapped on
     * @param port the mapped port
     * @param serverVersion the version its server reported to the {@link ReadyProbe}
     */
    public record Started(GenericContainer<?> container, String host, int port, String serverVersion) {}

    /** Answers with the server's version once the server in a started container takes SQL; throws until it does. */
    @FunctionalInterface
    public interface ReadyProbe {

        /**
         * @param host the host the container's port is mapped on
         * @param port the mapped port
         * @return the server's version, e.g. {@code 15.20}
         * @throws SQLException while the server does not answer yet
         */
        String probe(String host, int port) throws SQLException;
    }
}
