package io.bulwark.verifier.adapter.sandbox.local;

import io.bulwark.engines.postgres.LocalPostgresInstance;
import io.bulwark.engines.postgres.PgRestoreTool;
import io.bulwark.engines.postgres.PostgresConnectionSpec;
import io.bulwark.engines.postgres.PostgresInspector;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.verifier.adapter.sandbox.PostgresSandbox;
import io.bulwark.verifier.adapter.sandbox.SandboxServer;
import io.bulwark.verifier.application.Sandbox;
import io.bulwark.verifier.application.SandboxException;
import io.bulwark.verifier.application.SandboxProvider;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code local} sandboxes: an ephemeral PostgreSQL from the machine's server binaries ({@link
 * LocalPostgresInstance}) in a fresh directory under the work directory, durability off, with one
 * empty database {@value #DATABASE}. Sandboxes left behind by a verifier that died are removed when
 * the provider is created. Thread-safe.
 *
 * <p>Every artifact is treated as hostile. When the verifier runs as root the server runs as a dedicated unprivileged
 * OS account ({@link io.bulwark.engines.process.SandboxAccount}, default {@code bulwark-sandbox}, created when
 * missing), with a 0700 data directory, listening on 127.0.0.1 only, with the allow-listed environment of every
 * child. With an unprivileged restore (the default) the database is restored and checked as {@link
 * UnprivilegedRestoreRole#ROLE}, not as the superuser. A restore that failed because the sandbox's disk filled up
 * says so with the server log's line ({@link ServerLogRestoreEngine}): the verification is then ERROR, not FAILED.
 */
public final class LocalPostgresSandboxProvider implements SandboxProvider {

    /** The database every sandbox restores into. */
    public static final String DATABASE = PostgresSandbox.DATABASE;

    private static final Logger log = LoggerFactory.getLogger(LocalPostgresSandboxProvider.class);

    private final Path workDir;
    private final Path binDir;
    private final ProcessRunner runner;
    private final Duration statementTimeout;
    private final String osUser;
    private final boolean unprivilegedRestore;

    /**
     * Sandboxes run as {@value io.bulwark.engines.process.SandboxAccount#DEFAULT_NAME} and restore as the
     * unprivileged role.
     *
     * @param workDir directory under which each sandbox gets its own directory
     * @param binDir the PostgreSQL server binaries, or null to find the newest installed
     * @param statementTimeout how long one inventory statement (a {@code count(*)}) may run
     */
    public LocalPostgresSandboxProvider(Path workDir, Path binDir, ProcessRunner runner, Duration statementTimeout) {
        this(workDir, binDir, runner, statementTimeout, io.bulwark.engines.process.SandboxAccount.DEFAULT_NAME, true);
    }

    /**
     * @param workDir directory under which each sandbox gets its own directory
     * @param binDir the PostgreSQL server binaries, or null to find the newest installed
     * @param statementTimeout how long one inventory statement (a {@code count(*)}) may run
     * @param osUser the OS account the server runs as when the verifier runs as root (created when missing)
     * @param unprivilegedRestore true restores and checks as {@link UnprivilegedRestoreRole#ROLE}, false as the
     *     sandbox's superuser
     * @throws IllegalArgumentException when {@code osUser} may not be a sandbox account
     */
    public LocalPostgresSandboxProvider(
            Path workDir,
            Path binDir,
            ProcessRunner runner,
            Duration statementTimeout,
            String osUser,
            boolean unprivilegedRestore) {
        io.bulwark.engines.process.SandboxAccount.requireUsable(osUser);
        this.osUser = osUser;
        this.unprivilegedRestore = unprivilegedRestore;
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
                    workDir,
                    LocalPostgresInstance.Options.sandbox().withBinDir(binDir).withOsUser(osUser),
                    runner);
        } catch (RuntimeException e) {
            throw new SandboxException(e.getMessage(), e);
        }
        PostgresConnectionSpec restorer;
        try {
            instance.createDatabase(DATABASE);
            restorer = unprivilegedRestore ? UnprivilegedRestoreRole.create(instance, DATABASE) : null;
        } catch (RuntimeException | SQLException e) {
            instance.close();
            throw new SandboxException(e.getMessage(), e);
        }
        LocalPostgresInstance server = instance;
        return new PostgresSandbox(
                new SandboxServer(
                        instance.serverVersion(),
                        name -> restorer != null && name.equals(DATABASE)
                                ? restorer.toConnectionSpec()
                                : server.connectionSpec(name).toConnectionSpec(),
                        instance::close),
                DATABASE,
                new ServerLogRestoreEngine(
                        restorer == null
                                ? new PgRestoreTool(runner, instance.binDir())
                                : new UnprivilegedRestoreEngine(new PgRestoreTool(runner, instance.binDir())),
                        instance.dataDir().resolve(LocalPostgresInstance.LOG_FILE)),
                new PostgresInspector(statementTimeout),
                restorer == null ? () -> {} : () -> UnprivilegedRestoreRole.grantAmcheck(server, DATABASE));
    }
}
