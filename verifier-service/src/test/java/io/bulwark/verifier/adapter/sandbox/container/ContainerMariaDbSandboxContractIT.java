package io.bulwark.verifier.adapter.sandbox.container;

import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.verifier.adapter.sandbox.SandboxContract;
import io.bulwark.verifier.adapter.sandbox.TinySources;
import io.bulwark.verifier.application.Sandbox;
import io.bulwark.verifier.application.SandboxProvider;
import io.bulwark.verifier.application.SandboxProvider.SandboxRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The {@link SandboxContract} of {@code container} MariaDb sandboxes: the official image of the machine's source
 * server's series, or the image
 * {@link ContainerSandboxes#images()} names. Skipped where no Docker engine answers, or where the image is neither
 * in the engine nor can be pulled.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerMariaDbSandboxContractIT extends SandboxContract {

    private static String source;
    private static String sourceVersion;
    private static byte[] dump;
    private static SandboxContainers containers;
    private static SandboxProvider provider;

    @BeforeAll
    static void createSource() throws Exception {
        sourceVersion = TinySources.mariaDbVersion();
        SandboxImages images = ContainerSandboxes.images();
        ContainerSandboxes.assumeImageAvailable(images.imageFor("mariadb", sourceVersion));
        source = TinySources.createMariaDb();
        dump = TinySources.mariaDbDump(source);
        containers = new SandboxContainers(Duration.ofMinutes(5), Clock.systemUTC());
        provider = new ContainerMariaDbSandboxProvider(containers, images, new ProcessRunner(), Duration.ofMinutes(1));
    }

    @AfterAll
    static void dropSource() throws Exception {
        if (containers != null) {
            containers.close();
        }
        if (source != null) {
            TinySources.MARIADB.drop(source);
        }
    }

    @Override
    protected SandboxProvider provider() {
        return provider;
    }

    @Override
    protected SandboxRequest request() {
        return new SandboxRequest("mariadb", source, sourceVersion);
    }

    @Override
    protected byte[] dump() {
        return dump;
    }

    @Override
    protected List<String> tableNames() {
        return List.of(source + ".parent", source + ".child");
    }

    @Override
    protected void assertNothingLeft(Sandbox closed) {
        ContainerSandboxes.assertNoneLeft();
    }
}
