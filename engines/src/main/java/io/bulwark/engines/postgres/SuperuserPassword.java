package io.bulwark.engines.postgres;

import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ServerUser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.postgresql.util.PasswordUtil;

/**
 * Gives the superuser of a <em>stopped</em> PostgreSQL data directory a new password, without any server listening:
 * the {@code scram-sha-256} verifier of the password is computed here (pgjdbc's {@code PasswordUtil}) and stored with {@code ALTER ROLE} through a
 * single-user backend ({@code postgres --single}, no socket, no TCP), run as the server's OS user. The password itself
 * never leaves this JVM: not in an argument list, not on the backend's stdin, not in a log line; the backend gets
 * the verifier on its stdin and logs no statement. Used for sandboxes copied from an {@link InitdbTemplate}, whose
 * superuser must not keep the template's password. Stateless.
 */
final class SuperuserPassword {

    private static final Duration SINGLE_USER_TIMEOUT = Duration.ofSeconds(60);

    private SuperuserPassword() {}

    /**
     * Sets {@code superuser}'s password on the stopped cluster in {@code data}.
     *
     * @param bin the directory holding the {@code postgres} binary of the cluster's major version
     * @param data the data directory; no server may run on it
     * @param superuser the role to change, a plain identifier (see {@link LocalPostgresInstance.Options})
     * @param user the OS user the server runs as; the backend runs as it
     * @param password the new password, ASCII (e.g. {@link io.bulwark.engines.process.LocalServers#newPassword()})
     * @throws LocalPostgresException when the backend fails or reports an error (the message holds its stderr, which
     *     holds neither the password nor its verifier)
     */
    static void set(ProcessRunner runner, Path bin, Path data, String superuser, ServerUser user, String password) {
        List<String> argv = List.of(
                bin.resolve("postgres").toString(),
                "--single",
                "-D",
                data.toString(),
                "-F",
                "-c",
                "exit_on_error=on",
                "-c",
                "log_min_error_statement=panic",
                "-c",
                "log_statement=none",
                "postgres");
        String sql;
        try {
            // pgjdbc's encoding: the scram-sha-256 verifier (RFC 5803 form, random salt, PostgreSQL's 4096
            // iterations, SASLprep), quoted into ALTER USER ... PASSWORD '<verifier>'
            sql = PasswordUtil.genAlterUserPasswordSQL(superuser, password.toCharArray(), "scram-sha-256") + ";\n";
        } catch (SQLException e) {
            throw new LocalPostgresException("cannot encode the superuser's password: " + e.getMessage(), e);
        }
        ProcessRunner.Result r =
                runner.run(user.command(argv, SINGLE_USER_TIMEOUT), sql.getBytes(StandardCharsets.UTF_8));
        if (!r.succeeded() || r.stdout().contains("ERROR:") || r.stderr().contains("ERROR:")) {
            throw new LocalPostgresException("cannot set the superuser's password on " + data
                    + " in single-user mode (exit " + r.exitCode() + (r.timedOut() ? ", timed out" : "") + "): "
                    + r.stderr());
        }
    }
}
