package io.bulwark.artifacts;

import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.InvalidEventException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that sign and check {@code manifest.json}: HMAC-SHA-256 (RFC 2104 with SHA-256, {@code javax.crypto.Mac})
 * over the exact bytes of the manifest, stored as {@code manifest.json.sig} beside it ({@link ObjectKeys#signatureKey})
 * as a small JSON {@link Signature}. Only the dump-workers (which sign) and the verifiers and restores (which check)
 * hold the key, so a writer to the bucket without it cannot make a manifest the verifier trusts.
 *
 * <p>The current key signs and checks; retired keys (after a rotation) only check, so older backups stay trusted. A
 * key is the content of its file or variable (surrounding whitespace removed), at least {@value #MIN_KEY_BYTES} bytes
 * of it. Immutable and thread-safe. {@link #toString()} names key ids only, never a key.
 */
public final class ManifestSigningKeys {

    /** The {@code javax.crypto.Mac} algorithm, also recorded in every signature. */
    public static final String ALGORITHM = "HmacSHA256";

    /** The fewest bytes a key may have (the size of the HMAC-SHA-256 output, as RFC 2104 section 3 advises). */
    public static final int MIN_KEY_BYTES = 32;

    /** The content type signatures are stored with. */
    public static final String CONTENT_TYPE = "application/json";

    /** The largest signature object read, in bytes. */
    public static final int MAX_SIGNATURE_BYTES = 4096;

    private final String currentId;
    private final byte[] current;
    private final List<byte[]> all;

    private ManifestSigningKeys(String currentId, byte[] current, List<byte[]> retired) {
        this.currentId = currentId;
        this.current = current;
        List<byte[]> keys = new ArrayList<>();
        if (current != null) {
            keys.add(current);
        }
        keys.addAll(retired);
        this.all = List.copyOf(keys);
    }

    /**
     * {@code manifest.json.sig}: which key signed, with what, and the MAC.
     *
     * @param keyId the signing key's id, for the operator (checking tries every key held)
     * @param algorithm {@value #ALGORITHM}
     * @param mac lowercase hex of the 32-byte HMAC of the manifest's bytes
     */
    public record Signature(String keyId, String algorithm, String mac) {}

    /**
     * Keys from memory.
     *
     * @param keyId the current key's id, e.g. {@code 2026-12}
     * @param key the current key, or null to check only
     * @param retired keys that only check
     * @throws IllegalArgumentException when a key is shorter than {@value #MIN_KEY_BYTES} bytes or none is given
     */
    public static ManifestSigningKeys of(String keyId, byte[] key, List<byte[]> retired) {
        List<byte[]> old = new ArrayList<>();
        for (byte[] r : retired) {
            old.add(requireLong(r.clone(), "a retired manifest signing key"));
        }
        if (key == null && old.isEmpty()) {
            throw new IllegalArgumentException("no manifest signing key given");
        }
        return new ManifestSigningKeys(
                key == null ? null : (keyId == null || keyId.isBlank() ? "default" : keyId),
                key == null ? null : requireLong(key.clone(), "the manifest signing key"),
                old);
    }

    /**
     * Keys from the configuration ({@code bulwark.manifest-signing.*}); null when none is named (signing is off).
     *
     * @param keyId the current key's id, or null for {@code default}
     * @param keyFile a file holding the current key (preferred), or null
     * @param keyEnv an environment variable holding it, or null
     * @param retiredKeyFiles files holding retired keys, checking only
     * @param environment variable name to value
     * @param setting the settings' prefix for messages, e.g. {@code bulwark.manifest-signing}
     * @throws IllegalArgumentException naming the setting (never the key) when a file cannot be read, the variable is
     *     unset, or a key is too short
     */
    public static ManifestSigningKeys load(
            String keyId,
            String keyFile,
            String keyEnv,
            List<String> retiredKeyFiles,
            Function<String, String> environment,
            String setting) {
        byte[] key = null;
        if (keyFile != null && !keyFile.isBlank()) {
            key = readFile(keyFile, setting + ".key-file");
        } else if (keyEnv != null && !keyEnv.isBlank()) {
            String value = environment.apply(keyEnv);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(
                        setting + ".key-env: the environment variable " + keyEnv + " is not set");
            }
            key = checked(value.strip().getBytes(StandardCharsets.UTF_8), setting + ".key-env");
        }
        List<byte[]> retired = new ArrayList<>();
        for (String file : retiredKeyFiles == null ? List.<String>of() : retiredKeyFiles) {
            retired.add(readFile(file, setting + ".retired-key-files"));
        }
        if (key == null && retired.isEmpty()) {
            return null;
        }
        return of(keyId, key, retired);
    }

    /** True when this holds a key that signs (not only retired ones). */
    public boolean canSign() {
        return current != null;
    }

    /**
     * The signature of {@code manifest}, as the JSON stored in {@code manifest.json.sig}.
     *
     * @throws IllegalStateException when only retired keys are held
     */
    public byte[] sign(byte[] manifest) {
        if (current == null) {
            throw new IllegalStateException("no current manifest signing key: retired keys only check");
        }
        Signature signature = new Signature(currentId, ALGORITHM, HexFormat.of().formatHex(mac(current, manifest)));
        return EventJson.toPrettyString(signature).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks {@code signatureJson} against {@code manifest} with every key held (constant-time comparison).
     *
     * @return null when a key held made that MAC, else why not (no key matches, another algorithm, unreadable)
     */
    public String check(byte[] manifest, byte[] signatureJson) {
        Signature signature;
        try {
            signature = EventJson.read(signatureJson, Signature.class);
        } catch (InvalidEventException e) {
            return "the signature cannot be read";
        }
        if (signature == null || !ALGORITHM.equals(signature.algorithm())) {
            return "the signature is not " + ALGORITHM;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(Objects.requireNonNullElse(signature.mac(), ""));
        } catch (IllegalArgumentException e) {
            return "the signature's mac is not hex";
        }
        boolean matches = false;
        for (byte[] key : all) {
            matches |= MessageDigest.isEqual(mac(key, manifest), claimed);
        }
        return matches ? null : "the signature does not match the manifest with any key held";
    }

    private static byte[] mac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    private static byte[] readFile(String file, String setting) {
        try {
            String content = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            return checked(content.strip().getBytes(StandardCharsets.UTF_8), setting);
        } catch (IOException e) {
            throw new IllegalArgumentException(setting + ": the file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] checked(byte[] key, String setting) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(
                    setting + ": the key must have at least " + MIN_KEY_BYTES + " bytes but has " + key.length);
        }
        return key;
    }

    private static byte[] requireLong(byte[] key, String what) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(what + " must have at least " + MIN_KEY_BYTES + " bytes");
        }
        return key;
    }

    /** The current key's id and how many keys are held; never a key. */
    @Override
    public String toString() {
        return "ManifestSigningKeys[current=" + currentId + ", keys=" + all.size() + "]";
    }
}
