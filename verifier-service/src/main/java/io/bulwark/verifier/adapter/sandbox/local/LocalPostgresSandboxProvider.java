package io.bulwark.verifier.adapter.sandbox.local;

import io.bulwark.engines.postgres.LocalPostgresInstance;
import io.bulwark.engines.postgres.PgRestoreTool;
import io.bulwark.engines.postgres.PostgresInspector;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.verifier.adapter.sandbox.PostgresSandbox;
import io.bulwark.verifier.adapter.sandbox.SandboxServer;
import io.bulwark.verifier.application.Sandbox;
import io.bulwark.verifier.application.SandboxException;
import io.bulwark.verifier.application.SandboxProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code local} sandboxes: an ephemeral PostgreSQL from the machine's server binaries ({@link
 * LocalPostgresInstance}) in a fresh directory under the work directory, durability off, with one
 * empty database {@value #DATABASE}. Sandboxes left behind by a verifier that died are removed when
 * the provider is created. Thread-safe.
 */
public final class LocalPostgresSandboxProvider implements SandboxProvider {

    /** The database every sandbox restores into. */
    public static final String DATABASE = PostgresSandbox.DATABASE;

    private static final Logger log = LoggerFactory.getLogger(LocalPostgresSandboxProvider.class);

    private final Path workDir;
    private final Path binDir;
    private final ProcessRunner runner;
    private final Duration statementTimeout;

    /**
     * @param workDir directory under which each sandbox gets its own directory
     * @param binDir the PostgreSQL server binaries, or null to find the newest installed
     * @param statementTimeout how long one inventory statement (a {@code count(*)}) may run
     */
    public LocalPostgresSandboxProvider(Path workDir, Path binDir, ProcessRunner runner, Duration statementTimeout) {
        this.workDir = Objects.requireNonNull(workDir, "workDir");
        this.binDir = binDir;
        this.runner = Objects.requireNonNull(runner, "runner");
        this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
        int reaped = LocalPostgresInstance.reapOrphanSandboxes(workDir);
        if (reaped > 0) {
            log.info("removed {} sandboxes left behind under {}", reaped, workDir);
        }
    }

    @Override
    public String kind() {
        return "local";
    }

    @Override
    public Sandbox start(SandboxRequest request) {
        LocalPostgresInstance instance;
        try {
            instance = LocalPostgresInstance.startSandbox(
                    workDir, LocalPostgresInstance.Options.sandbox().withBinDir(binDir), runner);
        } catch (RuntimeException e) {
            throw new SandboxException(e.getMessage(), e);
        }
        try {
            instance.createDatabase(DATABASE);
        } catch (RuntimeException e) {
            instance.close();
            throw new SandboxException(e.getMessage(), e);
        }
        return new PostgresSandbox(
                new SandboxServer(
                        instance.serverVersion(),
                        name -> instance.connectionSpec(name).toConnectionSpec(),
                        instance::close),
                DATABASE,
                new PgRestoreTool(runner, instance.binDir()),
                new PostgresInspector(statementTimeout));
    }
}
