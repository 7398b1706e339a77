package io.bulwark.verifier.adapter.sandbox.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.testcontainers.DockerClientFactory;

/** What the {@code container} sandboxes' tests assert of the Docker engine. */
final class ContainerSandboxes {

    private ContainerSandboxes() {}

    /** Asserts that no sandbox container ({@link SandboxContainers#LABEL}) exists, running or not. */
    static void assertNoneLeft() {
        assertThat(DockerClientFactory.instance()
                        .client()
                        .listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(Map.of(SandboxContainers.LABEL, "true"))
                        .exec())
                .as("sandbox containers left running")
                .isEmpty();
    }
}
