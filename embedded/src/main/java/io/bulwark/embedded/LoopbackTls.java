package io.bulwark.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for a server on 127.0.0.1, made with the JDK's {@code keytool}: an EC P-256 key and
 * certificate (subject {@code CN=127.0.0.1}, subject alternative name {@code IP:127.0.0.1}, valid for 2 days) in a
 * PKCS#12 key store for the server, and the certificate alone in a PKCS#12 trust store for its clients. The trust
 * store holds no secret and has no password (its entries are neither encrypted nor MACed), so a client JVM needs only
 * {@code -Djavax.net.ssl.trustStore=<file> -Djavax.net.ssl.trustStoreType=PKCS12}, and no password goes on its command
 * line.
 *
 * @param keyStore the server's key store
 * @param keyStorePassword the server's key store password (random, 32 hex digits)
 * @param trustStore the clients' trust store
 */
public record LoopbackTls(Path keyStore, String keyStorePassword, Path trustStore) {

    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    /**
     * Makes the key store and the trust store in {@code dir} ({@code server.p12}, {@code trust.p12}).
     *
     * @param dir a folder, created if missing
     * @return the stores
     * @throws UncheckedIOException when the folder cannot be written or {@code keytool} cannot run
     * @throws IllegalStateException when {@code keytool} fails or does not finish within a minute
     */
    public static LoopbackTls create(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Path keyStore = dir.resolve("server.p12");
        Path certificate = dir.resolve("server.crt");
        Path trustStore = dir.resolve("trust.p12");
        keytool(
                password,
                List.of(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass:env",
                "BULWARK_KEYSTORE_PASSWORD");
        keytool(
                password,
                List.of(),
                "-exportcert",
                "-alias",
                "server",
                "-rfc",
                "-keystore",
                keyStore.toString(),
                "-storepass:env",
                "BULWARK_KEYSTORE_PASSWORD",
                "-file",
                certificate.toString());
        keytool(
                password,
                List.of("-J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE", "-J-Dkeystore.pkcs12.macAlgorithm=NONE"),
                "-importcert",
                "-noprompt",
                "-alias",
                "server",
                "-file",
                certificate.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                trustStore.toString(),
                "-storepass:env",
                "BULWARK_KEYSTORE_PASSWORD");
        return new LoopbackTls(keyStore, password, trustStore);
    }

    /** The key store password stays out of this record's string form. */
    @Override
    public String toString() {
        return "LoopbackTls[keyStore=" + keyStore + ", trustStore=" + trustStore + "]";
    }

    /**
     * The JVM options that make a client trust the server: {@code -Djavax.net.ssl.trustStore=<trustStore>} and {@code
     * -Djavax.net.ssl.trustStoreType=PKCS12}. They replace the JVM's default trust store, so such a client trusts no
     * other server.
     */
    public List<String> clientJvmOptions() {
        return List.of(
                "-Djavax.net.ssl.trustStore=" + trustStore.toAbsolutePath(), "-Djavax.net.ssl.trustStoreType=PKCS12");
    }

    /** Runs {@code keytool} next to this JVM's {@code java}, the password in its environment, never in its argv. */
    private static void keytool(String password, List<String> jvmOptions, String... arguments) {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        argv.addAll(jvmOptions);
        argv.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().put("BULWARK_KEYSTORE_PASSWORD", password);
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + arguments[0] + " did not finish within a minute");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed (exit " + process.exitValue()
                        + "): " + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
