package io.bulwark.verifier.adapter.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Container;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.verifier.application.Sandbox;
import io.bulwark.verifier.application.SandboxProvider;
import io.bulwark.verifier.application.SandboxProvider.SandboxRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The {@link SandboxContract} of {@code container} Postgres sandboxes: the official image of the machine's source
 * server's series. Skipped where no Docker engine answers.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPostgresSandboxContractIT extends SandboxContract {

    private static String source;
    private static String sourceVersion;
    private static byte[] dump;
    private static SandboxContainers containers;
    private static SandboxProvider provider;

    @BeforeAll
    static void createSource() throws Exception {
        source = TinySources.createPostgres();
        dump = TinySources.pgDump(source);
        try (Connection connection =
                        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", null);
                Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            sourceVersion = rs.getString(1);
        }
        containers = new SandboxContainers(Duration.ofMinutes(5), Clock.systemUTC());
        provider = new ContainerPostgresSandboxProvider(
                containers, SandboxImages.DEFAULT, null, new ProcessRunner(), Duration.ofMinutes(1));
    }

    @AfterAll
    static void dropSource() throws Exception {
        if (containers != null) {
            containers.close();
        }
        if (source != null) {
            TinySources.POSTGRES.drop(source);
        }
    }

    @Override
    protected SandboxProvider provider() {
        return provider;
    }

    @Override
    protected SandboxRequest request() {
        return new SandboxRequest("postgresql", source, sourceVersion);
    }

    @Override
    protected byte[] dump() {
        return dump;
    }

    @Override
    protected List<String> tableNames() {
        return List.of("public.parent", "public.child");
    }

    @Override
    protected void assertNothingLeft(Sandbox closed) {
        List<Container> left = DockerClientFactory.instance()
                .client()
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(SandboxContainers.LABEL, "true"))
                .exec();
        assertThat(left).as("sandbox containers left running").isEmpty();
    }
}
