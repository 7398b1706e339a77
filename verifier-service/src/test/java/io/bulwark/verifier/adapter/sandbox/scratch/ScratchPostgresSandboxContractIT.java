package io.bulwark.verifier.adapter.sandbox.scratch;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engines.postgres.PostgresConnectionSpec;
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
import org.junit.jupiter.api.Test;

/** The {@link SandboxContract} of {@code scratch} PostgreSQL sandboxes on the machine's server. */
class ScratchPostgresSandboxContractIT extends SandboxContract {

    private static final PostgresConnectionSpec SERVER = new PostgresConnectionSpec(
            TinySources.POSTGRES.host(),
            TinySources.POSTGRES.port(),
            "postgres",
            TinySources.POSTGRES.username(),
            TinySources.POSTGRES.password());

    private static String source;
    private static byte[] dump;
    private static SandboxProvider provider;

    @BeforeAll
    static void createSource() {
        source = TinySources.createPostgres();
        dump = TinySources.pgDump(source);
        provider = newProvider();
    }

    @AfterAll
    static void dropSource() {
        if (source != null) {
            TinySources.POSTGRES.drop(source);
        }
    }

    private static ScratchPostgresSandboxProvider newProvider() {
        return new ScratchPostgresSandboxProvider(
                SERVER, null, new ProcessRunner(), Duration.ofMinutes(1), Duration.ofHours(6), Clock.systemUTC());
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
    protected void assertNothingLeft(Sandbox closed) {
        String database = closed.database().database();
        assertThat(database).startsWith(ScratchPostgresSandboxProvider.PREFIX);
        assertThat(TinySources.POSTGRES.exists(database))
                .as("database %s", database)
                .isFalse();
    }

    @Test
    void scratchDatabasesOlderThanTheOrphanAgeAreDroppedAtStartUp() {
        String old = "bulwark_sbx_1000_0a0b0c";
        String recent = "bulwark_sbx_" + Clock.systemUTC().instant().getEpochSecond() + "_0d0e0f";
        TinySources.POSTGRES.create(old);
        TinySources.POSTGRES.create(recent);
        try {
            newProvider();

            assertThat(TinySources.POSTGRES.exists(old)).isFalse();
            assertThat(TinySources.POSTGRES.exists(recent)).isTrue();
        } finally {
            TinySources.POSTGRES.drop(old);
            TinySources.POSTGRES.drop(recent);
        }
    }
}
