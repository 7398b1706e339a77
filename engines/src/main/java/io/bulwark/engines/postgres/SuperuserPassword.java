package io.bulwark.engines.postgres;

import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ServerUser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Gives the superuser of a <em>stopped</em> PostgreSQL data directory a new password, without any server listening:
 * the {@code scram-sha-256} verifier of the password is computed here and stored with {@code ALTER ROLE} through a
 * single-user backend ({@code postgres --single}, no socket, no TCP), run as the server's OS user. The password itself
 * never leaves this JVM: not in an argument list, not on the backend's stdin, not in a log line; the backend gets
 * the verifier on its stdin and logs no statement. Used for sandboxes copied from an {@link InitdbTemplate}, whose
 * superuser must not keep the template's password. Stateless.
 */
final class SuperuserPassword {

    /** PostgreSQL's default iteration count for {@code scram-sha-256} ({@code scram_iterations}). */
    static final int ITERATIONS = 4096;

    private static final Duration SINGLE_USER_TIMEOUT = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

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
        String sql = "ALTER ROLE \"" + superuser + "\" PASSWORD '" + verifier(password) + "';\n";
        ProcessRunner.Result r =
                runner.run(user.command(argv, SINGLE_USER_TIMEOUT), sql.getBytes(StandardCharsets.UTF_8));
        if (!r.succeeded() || r.stdout().contains("ERROR:") || r.stderr().contains("ERROR:")) {
            throw new LocalPostgresException("cannot set the superuser's password on " + data
                    + " in single-user mode (exit " + r.exitCode() + (r.timedOut() ? ", timed out" : "") + "): "
                    + r.stderr());
        }
    }

    /**
     * The {@code scram-sha-256} verifier PostgreSQL stores for {@code password} with a fresh random salt: {@code
     * SCRAM-SHA-256$4096:<salt>$<StoredKey>:<ServerKey>} (RFC 5803, Base64), which lets a client prove it knows the
     * password but does not reveal it.
     *
     * @param password an ASCII password (no SASLprep is applied)
     * @throws IllegalArgumentException when {@code password} is empty or not ASCII
     */
    static String verifier(String password) {
        if (password.isEmpty() || !StandardCharsets.US_ASCII.newEncoder().canEncode(password)) {
            throw new IllegalArgumentException("the password must be non-empty ASCII");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        try {
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256))
                    .getEncoded();
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(hmac(salted, "Client Key"));
            byte[] serverKey = hmac(salted, "Server Key");
            Base64.Encoder b64 = Base64.getEncoder();
            return "SCRAM-SHA-256$" + ITERATIONS + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey)
                    + ":" + b64.encodeToString(serverKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM lacks PBKDF2WithHmacSHA256 or HmacSHA256: " + e, e);
        }
    }

    private static byte[] hmac(byte[] key, String message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.US_ASCII));
    }
}
