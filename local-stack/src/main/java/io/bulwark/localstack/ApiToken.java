package io.bulwark.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The services' API tokens as the local stack makes them: 32 random bytes, base64url without padding (43
 * characters), kept in a file of mode 0600 that the services' {@code bulwark.security.tokens[].token-file} names. The
 * token never goes on a command line, into an environment or into a log.
 */
public final class ApiToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiToken() {}

    /** A new random token: 32 bytes from {@link SecureRandom}, base64url without padding. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The token in {@code file}, made first when missing, blank, or when {@code reuse} is false.
     *
     * @param file the token file; written with mode 0600 ({@link ConfigFile#writeSecret})
     * @param reuse true keeps a token the file already holds (a persistent stack keeps its token across starts)
     * @return the token
     * @throws UncheckedIOException when the file cannot be read or written
     */
    public static String readOrCreate(Path file, boolean reuse) {
        try {
            if (reuse && Files.isRegularFile(file)) {
                String existing = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!existing.isEmpty()) {
                    return existing;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String token = generate();
        ConfigFile.writeSecret(file, token + "\n");
        return token;
    }

    /** The SHA-256 of {@code token}'s UTF-8 bytes as 64 lower-case hex digits ({@code bulwark.security.tokens[].sha256}). */
    public static String sha256Hex(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
