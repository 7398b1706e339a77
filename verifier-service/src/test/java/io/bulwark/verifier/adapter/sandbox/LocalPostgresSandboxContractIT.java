package io.bulwark.verifier.adapter.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.verifier.application.Sandbox;
import io.bulwark.verifier.application.SandboxProvider;
import io.bulwark.verifier.application.SandboxProvider.SandboxRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@link SandboxContract} of {@code local} PostgreSQL sandboxes from the machine's server binaries. */
class LocalPostgresSandboxContractIT extends SandboxContract {

    private static Path workDir;
    private static String source;
    private static byte[] dump;
    private static SandboxProvider provider;

    @BeforeAll
    static void createSource() throws Exception {
        workDir = TinySources.workDir("local-pg-contract");
        source = TinySources.createPostgres();
        dump = TinySources.pgDump(source);
        provider = new LocalPostgresSandboxProvider(workDir, null, new ProcessRunner(), Duration.ofMinutes(1));
    }

    @AfterAll
    static void dropSource() throws Exception {
        if (source != null) {
            TinySources.POSTGRES.drop(source);
        }
        TinySources.delete(workDir);
    }

    @Test
    void aQueryRunningLongerThanTheStatementLimitIsCancelledAndAnsweredAsAnError() {
        SandboxProvider limited =
                new LocalPostgresSandboxProvider(workDir, null, new ProcessRunner(), Duration.ofSeconds(1));
        try (Sandbox sandbox = limited.start(request())) {
            Sandbox.QueryResult result = sandbox.query("SELECT pg_sleep(20)::text");

            assertThat(result.error())
                    .as("the assertion query's answer: " + result)
                    .contains("cancel");
        }
    }

    @Override
    protected SandboxProvider provider() {
        return provider;
    }

    @Override
    protected SandboxRequest request() {
        return new SandboxRequest("postgresql", source);
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
    protected void assertNothingLeft(Sandbox closed) throws Exception {
        TinySources.assertWorkDirEmpty(workDir);
    }
}
