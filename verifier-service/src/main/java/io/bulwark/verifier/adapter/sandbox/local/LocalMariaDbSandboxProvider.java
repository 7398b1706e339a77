package io.bulwark.verifier.adapter.sandbox.local;

import io.bulwark.engines.mariadb.LocalMariaDbInstance;
import io.bulwark.engines.mariadb.MariaDbInspector;
import io.bulwark.engines.mariadb.MariaDbRestoreTool;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.verifier.adapter.sandbox.MariaDbSandbox;
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
 * {@code local} MariaDB sandboxes: an ephemeral server from the machine's binaries ({@link
 * LocalMariaDbInstance}: {@code mariadb-install-db} + {@code mariadbd --no-defaults}, bound to
 * 127.0.0.1 on a free port, {@code --secure-file-priv} inside its directory, {@code --local-infile=0}, no
 * {@code root} account, as OS user {@code mysql} when running as root) in
 * a fresh directory under the work directory, with one empty database named as the source's, since
 * a {@code mariadb-dump} artifact names no database and the manifest qualifies objects by the source
 * database's name. The restore and the checks run as {@link LocalMariaDbInstance#RESTORE_USER}, which holds
 * only that database's privileges. Instances left behind by a verifier that died are removed when the provider is
 * created. Thread-safe.
 */
public final class LocalMariaDbSandboxProvider implements SandboxProvider {

    private static final Logger log = LoggerFactory.getLogger(LocalMariaDbSandboxProvider.class);

    private final Path workDir;
    private final Path binDir;
    private final ProcessRunner runner;
    private final Duration statementTimeout;
    private final String osUser;

    /**
     * @param workDir directory under which each sandbox gets its own directory
     * @param binDir directory of {@code mariadbd} and {@code mariadb-install-db}, or null to find them
     * @param statementTimeout how long one inventory statement (a {@code COUNT(*)}) may run
     */
    public LocalMariaDbSandboxProvider(Path workDir, Path binDir, ProcessRunner runner, Duration statementTimeout) {
        this(workDir, binDir, runner, statementTimeout, io.bulwark.engines.process.SandboxAccount.DEFAULT_NAME);
    }

    /**
     * @param workDir directory under which each sandbox gets its own directory
     * @param binDir directory of {@code mariadbd} and {@code mariadb-install-db}, or null to find them
     * @param statementTimeout how long one inventory statement (a {@code COUNT(*)}) may run
     * @param osUser the dedicated OS account the server runs as when the verifier runs as root (created when missing;
     *     {@code bulwark.verifier.sandbox.os-user})
     * @throws IllegalArgumentException when {@code osUser} may not be a sandbox account (e.g. {@code mysql})
     */
    public LocalMariaDbSandboxProvider(
            Path workDir, Path binDir, ProcessRunner runner, Duration statementTimeout, String osUser) {
        io.bulwark.engines.process.SandboxAccount.requireUsable(osUser);
        this.osUser = osUser;
        this.workDir = Objects.requireNonNull(workDir, "workDir");
        this.binDir = binDir;
        this.runner = Objects.requireNonNull(runner, "runner");
        this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
        int reaped = LocalMariaDbInstance.reapOrphans(workDir);
        if (reaped > 0) {
            log.info("removed {} MariaDB sandboxes left behind under {}", reaped, workDir);
        }
    }

    @Override
    public String kind() {
        return "local";
    }

    /** @throws SandboxException when the request names no source database, or the server cannot start */
    @Override
    public Sandbox start(SandboxRequest request) {
        String database = request.requireSourceDatabase();
        LocalMariaDbInstance instance;
        try {
            instance = LocalMariaDbInstance.start(
                    workDir,
                    LocalMariaDbInstance.Options.sandbox().withBinDir(binDir).withOsUser(osUser),
                    runner);
        } catch (RuntimeException e) {
            throw new SandboxException(e.getMessage(), e);
        }
        try {
            instance.createDatabase(database);
        } catch (RuntimeException e) {
            instance.close();
            throw new SandboxException(e.getMessage(), e);
        }
        return new MariaDbSandbox(
                new SandboxServer(instance.serverVersion(), instance::restoreSpec, instance::close),
                database,
                new MariaDbRestoreTool(runner),
                new MariaDbInspector(statementTimeout));
    }
}
