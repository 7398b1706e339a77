package io.bulwark.verifier.adapter.sandbox.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/** What the {@code container} sandboxes' tests assert of the Docker engine, and which images they run. */
final class ContainerSandboxes {

    /** How long pulling a missing image may take before the test class is skipped. */
    private static final long PULL_TIMEOUT_SECONDS = 90;

    private ContainerSandboxes() {}

    /**
     * The images the contract tests run: the templates of the system properties {@code
     * bulwark.test.sandbox.postgresql-image} and {@code bulwark.test.sandbox.mariadb-image}, else of the environment
     * variables {@code BULWARK_TEST_SANDBOX_POSTGRESQL_IMAGE} and {@code BULWARK_TEST_SANDBOX_MARIADB_IMAGE} (e.g.
     * {@code bulwark/postgres:{series}}, the images scripts/docker-offline-images.sh builds without a registry),
     * else the official ones ({@link SandboxImages#DEFAULT}).
     */
    static SandboxImages images() {
        return new SandboxImages(
                setting("bulwark.test.sandbox.postgresql-image", SandboxImages.DEFAULT.postgresql()),
                setting("bulwark.test.sandbox.mariadb-image", SandboxImages.DEFAULT.mariadb()),
                SandboxImages.DEFAULT.mysql());
    }

    /**
     * Skips the calling test (a JUnit assumption) when {@code image} is neither in the engine nor pulled within
     * {@value #PULL_TIMEOUT_SECONDS} s: an engine without a registry and without the image is not a failure of the
     * sandboxes.
     */
    static void assumeImageAvailable(String image) {
        DockerClient docker = DockerClientFactory.instance().client();
        try {
            docker.inspectImageCmd(image).exec();
            return;
        } catch (NotFoundException e) {
            // not there yet: pull it
        }
        DockerImageName name = DockerImageName.parse(image);
        String problem;
        try {
            boolean done = docker.pullImageCmd(name.getUnversionedPart())
                    .withTag(name.getVersionPart())
                    .start()
                    .awaitCompletion(PULL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            problem = done ? null : "the pull did not end within " + PULL_TIMEOUT_SECONDS + " s";
        } catch (RuntimeException e) {
            problem = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        Assumptions.assumeTrue(
                problem == null, () -> "the sandbox image " + image + " is not in the engine and cannot be pulled");
    }

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

    private static String setting(String property, String otherwise) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.replace("bulwark.test.sandbox.", "BULWARK_TEST_SANDBOX_")
                    .replace('-', '_')
                    .replace('.', '_')
                    .toUpperCase(java.util.Locale.ROOT));
        }
        return value == null || value.isBlank() ? otherwise : value.trim();
    }
}
