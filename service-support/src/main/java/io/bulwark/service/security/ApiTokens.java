package io.bulwark.service.security;

import io.bulwark.service.secrets.SecretReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The configured API tokens, held only as SHA-256 digests: the token itself is read once from its file or variable
 * and never kept. {@link #match} compares a presented token against every digest in constant time. Immutable and
 * thread-safe.
 */
public final class ApiTokens {

    /**
     * One known token.
     *
     * @param name who holds it
     * @param role what it may do
     */
    public record Holder(String name, ApiRole role) {}

    private record Entry(Holder holder, byte[] sha256) {}

    private final List<Entry> entries;

    private ApiTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads every configured token.
     *
     * @param tokens the {@code bulwark.security.tokens} entries
     * @param secrets reads {@code token-file} and {@code token-env}
     * @throws IllegalStateException naming the entry (never the token) when a name is blank or repeated, the role is
     *     unknown, not exactly one source is given, the file or variable cannot be read or is blank, or the digest is
     *     not 64 hex digits
     */
    public static ApiTokens of(List<ApiSecurityProperties.Token> tokens, SecretReader secrets) {
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            ApiSecurityProperties.Token t = tokens.get(i);
            String where = "bulwark.security.tokens[" + i + "]";
            if (t.name() == null || t.name().isBlank()) {
                throw new IllegalStateException(where + ".name is blank");
            }
            if (!names.add(t.name())) {
                throw new IllegalStateException(where + ".name '" + t.name() + "' is used twice");
            }
            ApiRole role;
            try {
                role = ApiRole.parse(t.role());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ".role: " + e.getMessage());
            }
            int sources = (blank(t.tokenFile()) ? 0 : 1) + (blank(t.tokenEnv()) ? 0 : 1) + (blank(t.sha256()) ? 0 : 1);
            if (sources != 1) {
                throw new IllegalStateException(where + " needs exactly one of token-file, token-env and sha256");
            }
            byte[] digest;
            if (!blank(t.sha256())) {
                String hex = t.sha256().strip();
                if (!hex.matches("[0-9a-fA-F]{64}")) {
                    throw new IllegalStateException(where + ".sha256 is not 64 hex digits");
                }
                digest = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
            } else {
                String token = secrets.read(t.tokenEnv(), t.tokenFile(), where + ".token");
                if (token == null || token.isBlank()) {
                    throw new IllegalStateException(where + ": the token is empty");
                }
                digest = sha256(token.strip());
            }
            entries.add(new Entry(new Holder(t.name(), role), digest));
        }
        return new ApiTokens(entries);
    }

    /** True when no token is configured. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** How many tokens are configured. */
    public int size() {
        return entries.size();
    }

    /**
     * The holder of {@code presented}, or empty when it is no configured token. Every digest is compared, each in
     * constant time, so the answer's timing tells nothing about which or how much matched.
     */
    public Optional<Holder> match(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        Holder found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.sha256(), digest) && found == null) {
                found = e.holder();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The SHA-256 of {@code token}'s UTF-8 bytes as 64 lower-case hex digits, the form {@code sha256} takes. */
    public static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
