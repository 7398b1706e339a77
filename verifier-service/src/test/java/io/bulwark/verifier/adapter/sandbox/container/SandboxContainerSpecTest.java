package io.bulwark.verifier.adapter.sandbox.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import org.junit.jupiter.api.Test;

class SandboxContainerSpecTest {

    @Test
    void theDefaultPublishesOnLoopbackOnlyWithoutEgressAndWithLimits() {
        HostConfig config = SandboxContainerSpec.DEFAULT.applyTo(HostConfig.newHostConfig(), 3306);

        assertThat(config.getMemory()).isEqualTo(1024L * 1024 * 1024);
        assertThat(config.getMemorySwap()).as("no swap beyond the memory limit").isEqualTo(1024L * 1024 * 1024);
        assertThat(config.getNanoCPUs()).isEqualTo(1_000_000_000L);
        assertThat(config.getPidsLimit()).isEqualTo(512L);
        assertThat(config.getSecurityOpts()).containsExactly("no-new-privileges");
        assertThat(config.getPublishAllPorts()).isFalse();
        Ports.Binding[] bindings = config.getPortBindings().getBindings().get(ExposedPort.tcp(3306));
        assertThat(bindings).hasSize(1);
        assertThat(bindings[0].getHostIp()).isEqualTo("127.0.0.1");
        assertThat(bindings[0].getHostPortSpec()).as("a free port").isNull();
        assertThat(config.getPortBindings().getBindings()).hasSize(1);
        assertThat(SandboxContainerSpec.DEFAULT.internal()).isFalse();
        assertThat(SandboxContainerSpec.DEFAULT.networkOptions())
                .containsEntry("com.docker.network.bridge.enable_ip_masquerade", "false");
    }

    @Test
    void publishesOnTheAddressTheVerifierReachesTheDockerHostBy() {
        HostConfig config = SandboxContainerSpec.DEFAULT.applyTo(HostConfig.newHostConfig(), 5432, "172.17.0.1");

        Ports.Binding[] bindings = config.getPortBindings().getBindings().get(ExposedPort.tcp(5432));
        assertThat(bindings).hasSize(1);
        assertThat(bindings[0].getHostIp()).isEqualTo("172.17.0.1");
        assertThat(SandboxContainers.publishAddress("localhost")).isEqualTo("127.0.0.1");
        assertThat(SandboxContainers.publishAddress("127.0.0.2")).isEqualTo("127.0.0.1");
        assertThat(SandboxContainers.publishAddress(null)).isEqualTo("127.0.0.1");
        assertThat(SandboxContainers.publishAddress("172.17.0.1"))
                .as("the host's bridge gateway, as host.docker.internal resolves in a container")
                .isEqualTo("172.17.0.1");
    }

    @Test
    void anInternalNetworkPublishesNothing() {
        SandboxContainerSpec spec =
                new SandboxContainerSpec(SandboxContainerSpec.Network.parse("Internal"), 512L * 1024 * 1024, 2.5, 256);
        HostConfig config = spec.applyTo(HostConfig.newHostConfig(), 5432);

        assertThat(spec.internal()).isTrue();
        assertThat(config.getPortBindings().getBindings()).isEmpty();
        assertThat(config.getNanoCPUs()).isEqualTo(2_500_000_000L);
        assertThat(config.getMemory()).isEqualTo(512L * 1024 * 1024);
        assertThat(config.getPidsLimit()).isEqualTo(256L);
    }

    @Test
    void refusesMeaninglessLimits() {
        assertThatThrownBy(() -> SandboxContainerSpec.Network.parse("host"))
                .hasMessageContaining("published or internal");
        assertThatThrownBy(() -> new SandboxContainerSpec(SandboxContainerSpec.Network.PUBLISHED, 1024, 1, 512))
                .hasMessageContaining("64 MiB");
        assertThatThrownBy(() -> new SandboxContainerSpec(SandboxContainerSpec.Network.PUBLISHED, 1L << 30, 0, 512))
                .hasMessageContaining("cpus");
        assertThatThrownBy(() -> new SandboxContainerSpec(SandboxContainerSpec.Network.PUBLISHED, 1L << 30, 1, 1))
                .hasMessageContaining("pids");
    }

    @Test
    void theSettingsMakeTheSpecAndDefaultToIt() {
        assertThat(new io.bulwark.verifier.config.SandboxContainerLimitsProperties(null, null, null, null).spec())
                .isEqualTo(SandboxContainerSpec.DEFAULT);
        assertThat(new io.bulwark.verifier.config.SandboxContainerLimitsProperties(
                                "internal", org.springframework.util.unit.DataSize.ofMegabytes(256), 0.5, 128L)
                        .spec())
                .isEqualTo(new SandboxContainerSpec(SandboxContainerSpec.Network.INTERNAL, 256L << 20, 0.5, 128));
    }
}
