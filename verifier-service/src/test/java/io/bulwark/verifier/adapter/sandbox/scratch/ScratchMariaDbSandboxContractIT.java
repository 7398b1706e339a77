package io.bulwark.verifier.adapter.sandbox.scratch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.verifier.adapter.sandbox.SandboxContract;
import io.bulwark.verifier.adapter.sandbox.TinySources;
import io.bulwark.verifier.application.Sandbox;
import io.bulwark.verifier.application.SandboxException;
import io.bulwark.verifier.application.SandboxProvider;
import io.bulwark.verifier.application.SandboxProvider.SandboxRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@link SandboxContract} of {@code scratch} MariaDB sandboxes on the machine's server. The tiny source is
 * dropped once dumped: the sandbox's database is named as the source's, which must not exist on the scratch server.
 */
class ScratchMariaDbSandboxContractIT extends SandboxContract {

    private static final ConnectionSpec SERVER = new ConnectionSpec("127.0.0.1", 3306, "mysql", "root", null);

    private static String source;
    private static byte[] dump;
    private static SandboxProvider provider;

    @BeforeAll
    static void createSource() {
        source = TinySources.createMariaDb();
        dump = TinySources.mariaDbDump(source);
        TinySources.MARIADB.drop(source);
        provider = newProvider();
    }

    private static ScratchMariaDbSandboxProvider newProvider() {
        return new ScratchMariaDbSandboxProvider(
                SERVER, new ProcessRunner(), Duration.ofMinutes(1), Duration.ofHours(6), Clock.systemUTC());
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
    protected void assertNothingLeft(Sandbox closed) {
        String database = closed.database().database();
        assertThat(TinySources.MARIADB.exists(database))
                .as("database %s", database)
                .isFalse();
    }

    @Test
    void aSourceNameThatExistsOnTheServerIsRefused() {
        String taken = TinySources.MARIADB.createUnique("sandbox_taken");
        try {
            assertThatThrownBy(() -> provider.start(new SandboxRequest("mariadb", taken)))
                    .isInstanceOf(SandboxException.class)
                    .hasMessageContaining("cannot host the source's database name '" + taken + "'")
                    .hasMessageContaining("use the local or container sandbox");
            assertThat(TinySources.MARIADB.exists(taken)).isTrue();
        } finally {
            TinySources.MARIADB.drop(taken);
        }
    }

    @Test
    void scratchDatabasesOlderThanTheOrphanAgeAreDroppedAtStartUp() {
        String old = TinySources.MARIADB.createUnique("sandbox_orphan");
        String recent = TinySources.MARIADB.createUnique("sandbox_recent");
        try {
            TinySources.MARIADB.execute(old, "ALTER DATABASE `" + old + "` COMMENT 'bulwark_sbx_1000'");
            TinySources.MARIADB.execute(
                    recent,
                    "ALTER DATABASE `" + recent + "` COMMENT 'bulwark_sbx_"
                            + Clock.systemUTC().instant().getEpochSecond() + "'");

            newProvider();

            assertThat(TinySources.MARIADB.exists(old)).isFalse();
            assertThat(TinySources.MARIADB.exists(recent)).isTrue();
        } finally {
            TinySources.MARIADB.drop(old);
            TinySources.MARIADB.drop(recent);
        }
    }
}
