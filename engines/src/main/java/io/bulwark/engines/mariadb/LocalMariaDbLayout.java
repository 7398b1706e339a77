package io.bulwark.engines.mariadb;

import io.bulwark.engines.process.LogTail;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ServerUser;
import io.bulwark.engines.process.ToolMissingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a {@link LocalMariaDbInstance} keeps its files and which options its programs run with: the part of a
 * sandbox server that makes it harmless to a hostile dump.
 *
 * <p>Inside the instance directory (mode 0700, owned by the server's OS user): {@code data/} (mode 0700), the socket
 * {@code s}, the pid file, the one-shot {@code init.sql}, and {@code files/}, the only folder the server may read or
 * write files in ({@code --secure-file-priv}; MariaDB KB, "Server System Variables", {@code secure_file_priv}).
 * Besides that the server runs with {@code --local-infile=0} (no {@code LOAD DATA LOCAL}), {@code
 * --symbolic-links=0} (a {@code DATA DIRECTORY} or {@code INDEX DIRECTORY} table option is ignored, so no table file
 * lands outside {@code data/}), {@code --bind-address=127.0.0.1}, {@code --skip-name-resolve} and {@code
 * --no-defaults} (no option file of the machine applies). Immutable and thread-safe.
 *
 * @param root the instance directory
 */
record LocalMariaDbLayout(Path root) {

    /** The pid file's name, also what the orphan reaper looks for. */
    static final String PID_FILE = "mariadbd.pid";

    private static final List<Path> SERVER_DIRS = List.of(
            Path.of("/usr/sbin"), Path.of("/usr/bin"), Path.of("/usr/local/mysql/bin"), Path.of("/usr/local/bin"));

    LocalMariaDbLayout {
        Objects.requireNonNull(root, "root");
    }

    /** The data directory. */
    Path data() {
        return root.resolve("data");
    }

    /** The only folder the server reads and writes files in ({@code --secure-file-priv}). */
    Path files() {
        return root.resolve("files");
    }

    /** The SQL the server runs before it takes connections; deleted once it is up. */
    Path initFile() {
        return root.resolve("init.sql");
    }

    /** Creates {@code files/} (mode 0700) and hands it to {@code user}. */
    void prepare(ServerUser user) throws IOException {
        Files.createDirectories(
                files(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        user.handOver(files());
    }

    /** Sets the data directory, made by {@code mariadb-install-db}, to mode 0700. */
    void lockData() throws IOException {
        Files.setPosixFilePermissions(data(), PosixFilePermissions.fromString("rwx------"));
    }

    /** The {@code mariadb-install-db} command line that creates the system tables in {@link #data()}. */
    List<String> installArgv(Path install, Path binDir, ServerUser user) {
        List<String> argv = new ArrayList<>(List.of(
                install.toString(),
                "--no-defaults",
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
                "--skip-name-resolve",
                "--datadir=" + data()));
        if (binDir != null) {
            argv.add("--basedir=" + binDir.toAbsolutePath().getParent());
        }
        if (user.switching()) {
            argv.add("--user=" + user.name());
        }
        return argv;
    }

    /**
     * Runs {@code mariadb-install-db} ({@link #installArgv}) with {@code timeout}.
     *
     * @throws LocalMariaDbException when it cannot start or fails (the message ends with its output's tail)
     */
    void install(ProcessRunner runner, Path install, Path binDir, ServerUser user, Duration timeout) {
        ProcessRunner.Result r;
        try {
            r = runner.run(new ProcessRunner.Command(installArgv(install, binDir, user), null, timeout));
        } catch (ToolMissingException e) {
            throw new LocalMariaDbException(e.getMessage(), e);
        }
        if (!r.succeeded()) {
            throw new LocalMariaDbException(install.getFileName() + " failed in " + root + " (exit " + r.exitCode()
                    + (r.timedOut() ? ", timed out" : "") + "): "
                    + LogTail.of(r.stderr() + "\n" + r.stdout(), 4000));
        }
    }

    /** The {@code mariadbd} command line listening on {@code host}:{@code port}. */
    List<String> serverArgv(Path server, Path binDir, String host, int port, ServerUser user) {
        List<String> argv = new ArrayList<>(List.of(
                server.toString(),
                "--no-defaults",
                "--datadir=" + data(),
                "--socket=" + root.resolve("s"),
                "--pid-file=" + root.resolve(PID_FILE),
                "--tmpdir=" + root,
                "--port=" + port,
                "--bind-address=" + host,
                "--init-file=" + initFile(),
                "--secure-file-priv=" + files(),
                "--local-infile=0",
                "--symbolic-links=0",
                "--skip-name-resolve",
                "--skip-log-bin",
                "--sync-binlog=0",
                "--innodb-flush-log-at-trx-commit=0",
                "--innodb-doublewrite=0",
                "--innodb-buffer-pool-size=128M",
                "--innodb-fast-shutdown=2",
                "--performance-schema=OFF",
                "--event-scheduler=OFF",
                "--max-allowed-packet=1G",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_general_ci"));
        if (binDir != null) {
            argv.add(2, "--basedir=" + binDir.toAbsolutePath().getParent());
        }
        if (user.switching()) {
            argv.add("--user=" + user.name());
        }
        return argv;
    }

    /**
     * Writes {@link #initFile()} (mode 0600, handed to {@code user}): every account that {@code mariadb-install-db}
     * made goes (the {@code root} and {@code mysql} accounts, anonymous ones; {@code mariadb.sys}, which owns system
     * views and cannot log in, stays), then {@code superuser}@{@code 127.0.0.1} gets every privilege and {@code
     * restoreUser}@{@code 127.0.0.1} none yet (it gets its database's privileges when the database is created).
     * TCP clients match {@code 127.0.0.1} under {@code --skip-name-resolve}. Names and passwords are hex digits,
     * letters and underscores only, so they need no escaping.
     */
    void writeInitFile(String superuser, String password, String restoreUser, String restorePassword, ServerUser user)
            throws IOException {
        Path file = initFile();
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(
                file,
                "DELETE FROM mysql.global_priv WHERE User <> 'mariadb.sys';\n"
                        + "DELETE FROM mysql.db WHERE User <> 'mariadb.sys';\n"
                        + "DELETE FROM mysql.tables_priv WHERE User <> 'mariadb.sys';\n"
                        + "DELETE FROM mysql.proxies_priv;\n"
                        + "FLUSH PRIVILEGES;\n"
                        + "CREATE OR REPLACE USER '" + superuser + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';\n"
                        + "GRANT ALL PRIVILEGES ON *.* TO '" + superuser + "'@'127.0.0.1' WITH GRANT OPTION;\n"
                        + "CREATE OR REPLACE USER '" + restoreUser + "'@'127.0.0.1' IDENTIFIED BY '" + restorePassword
                        + "';\n"
                        + "FLUSH PRIVILEGES;\n",
                StandardCharsets.UTF_8);
        user.handOver(file);
    }

    /**
     * The first executable {@code name}, else {@code fallback}, in {@code binDir}, or (when null) in {@code /usr/sbin},
     * {@code /usr/bin}, {@code /usr/local/mysql/bin}, {@code /usr/local/bin} and the PATH.
     *
     * @throws LocalMariaDbException when neither is found
     */
    static Path findProgram(Path binDir, String name, String fallback) {
        List<Path> dirs = new ArrayList<>();
        if (binDir != null) {
            dirs.add(binDir);
        } else {
            dirs.addAll(SERVER_DIRS);
            String path = System.getenv("PATH");
            if (path != null) {
                for (String dir : path.split(":")) {
                    if (!dir.isBlank()) {
                        dirs.add(Path.of(dir));
                    }
                }
            }
        }
        for (String program : List.of(name, fallback)) {
            for (Path dir : dirs) {
                Path candidate = dir.resolve(program);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new LocalMariaDbException("no " + name + " (or " + fallback + ") found in "
                + (binDir != null ? binDir : "/usr/sbin, /usr/bin, /usr/local/mysql/bin or the PATH")
                + "; install the MariaDB server package or configure the bin dir");
    }
}
