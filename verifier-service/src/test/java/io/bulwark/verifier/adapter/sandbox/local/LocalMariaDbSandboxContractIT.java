package io.bulwark.verifier.adapter.sandbox.local;

import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.verifier.adapter.sandbox.SandboxContract;
import io.bulwark.verifier.adapter.sandbox.TinySources;
import io.bulwark.verifier.application.Sandbox;
import io.bulwark.verifier.application.SandboxProvider;
import io.bulwark.verifier.application.SandboxProvider.SandboxRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link SandboxContract} of {@code local} MariaDB sandboxes from the machine's server binaries. */
class LocalMariaDbSandboxContractIT extends SandboxContract {

    private static Path workDir;
    private static String source;
    private static byte[] dump;
    private static SandboxProvider provider;

    @BeforeAll
    static void createSource() throws Exception {
        workDir = TinySources.workDir("local-mariadb-contract");
        source = TinySources.createMariaDb();
        dump = TinySources.mariaDbDump(source);
        provider = new LocalMariaDbSandboxProvider(workDir, null, new ProcessRunner(), Duration.ofMinutes(1));
    }

    @AfterAll
    static void dropSource() throws Exception {
        if (source != null) {
            TinySources.MARIADB.drop(source);
        }
        TinySources.delete(workDir);
    }

    @Override
    protected SandboxProvider provider() {
        return provider;
    }

    @Override
    protected SandboxRequest request() {
        return new SandboxRequest("mariadb", source);
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
    protected void assertNothingLeft(Sandbox closed) throws Exception {
        TinySources.assertWorkDirEmpty(workDir);
    }
}
