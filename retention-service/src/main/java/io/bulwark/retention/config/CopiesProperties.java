package io.bulwark.retention.config;

import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.retention.domain.CopyRetentionPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The copy stores of 3-2-1 copies, {@code bulwark.copies.<copyId>}, and the copy job's {@code
 * bulwark.copies.retry-interval} (default 30s, at least 1s). A copy id is 1 to 63 of {@code [a-z0-9_-]} starting with a
 * letter or digit; {@code retry-interval} is no copy id.
 *
 * <p>A store's keys come, in this order, from {@code access-key-file}/{@code secret-key-file} (the file's content
 * without its trailing line break), {@code access-key-env}/{@code secret-key-env} (the name of an environment variable)
 * or {@code access-key}/{@code secret-key} (the value, e.g. {@code ${OFFSITE_S3_ACCESS_KEY}} as for {@code
 * bulwark.storage}). Every error names the property.
 *
 * @param retryInterval how often the copy job retries PENDING and FAILED copies
 * @param stores every configured copy store, enabled or not, sorted by id
 */
public record CopiesProperties(Duration retryInterval, List<Store> stores) {

    /** The prefix of every key. */
    public static final String PREFIX = "bulwark.copies";

    private static final Pattern COPY_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public CopiesProperties {
        Objects.requireNonNull(retryInterval, "retryInterval");
        stores = List.copyOf(stores);
    }

    /**
     * One copy store as configured.
     *
     * @param copyId the key under {@code bulwark.copies}
     * @param enabled false to stop copying to it (and applying its retention); its copies stay
     * @param settings where it is and its keys
     * @param retention its retention
     */
    public record Store(String copyId, boolean enabled, ObjectStoreSettings settings, CopyRetentionPolicy retention) {}

    /**
     * The raw keys of one copy store.
     *
     * @param endpoint the S3 endpoint URL
     * @param bucket the bucket
     * @param region the region to sign for, default us-east-1
     * @param accessKey the access key itself
     * @param secretKey the secret key itself; never logged
     * @param accessKeyFile a file holding the access key
     * @param secretKeyFile a file holding the secret key
     * @param accessKeyEnv the environment variable holding the access key
     * @param secretKeyEnv the environment variable holding the secret key
     * @param enabled default true
     * @param partSize the multipart part size of large uploads, default 16MB, at least 5MB
     * @param retention the copy store's own retention, or null to keep every copy
     */
    public record StoreKeys(
            String endpoint,
            String bucket,
            @DefaultValue("us-east-1") String region,
            String accessKey,
            String secretKey,
            Path accessKeyFile,
            Path secretKeyFile,
            String accessKeyEnv,
            String secretKeyEnv,
            @DefaultValue("true") boolean enabled,
            @DefaultValue("16MB") DataSize partSize,
            Retention retention) {

        /** Every field but the secrets. */
        @Override
        public String toString() {
            return "StoreKeys[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", enabled="
                    + enabled + "]";
        }
    }

    /**
     * A copy store's retention: the keys of a target's retention that apply to copies.
     *
     * @param keepLast how many copies per target to keep, at least 1
     * @param keepWithin how long to keep a copy after its backup was taken, e.g. {@code 90d}
     */
    public record Retention(Integer keepLast, Duration keepWithin) {}

    /**
     * Reads {@code bulwark.copies.*}.
     *
     * @param binder the environment's binder
     * @param env reads an environment variable (null when unset)
     * @throws IllegalArgumentException naming the property when a value is missing or wrong, or a key file cannot be
     *     read
     */
    public static CopiesProperties bind(Binder binder, Function<String, String> env) {
        Duration retry = binder.bind(PREFIX + ".retry-interval", Duration.class).orElse(Duration.ofSeconds(30));
        if (retry.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(PREFIX + ".retry-interval must be at least 1s but was " + retry);
        }
        Map<String, Object> raw =
                binder.bind(PREFIX, Bindable.mapOf(String.class, Object.class)).orElse(Map.of());
        List<Store> stores = new ArrayList<>();
        for (String copyId : new TreeSet<>(raw.keySet())) {
            if (copyId.equals("retry-interval")) {
                continue;
            }
            String at = PREFIX + "." + copyId;
            if (!COPY_ID.matcher(copyId).matches()) {
                throw new IllegalArgumentException(
                        at + ": a copy id must be 1 to 63 of [a-z0-9_-] starting with a letter or digit");
            }
            StoreKeys keys =
                    binder.bind(at, StoreKeys.class).orElseThrow(() -> new IllegalArgumentException(at + " is empty"));
            stores.add(store(copyId, at, keys, env));
        }
        return new CopiesProperties(retry, stores);
    }

    private static Store store(String copyId, String at, StoreKeys keys, Function<String, String> env) {
        require(at + ".endpoint", keys.endpoint());
        require(at + ".bucket", keys.bucket());
        String access = secret(at, "access-key", keys.accessKey(), keys.accessKeyFile(), keys.accessKeyEnv(), env);
        String secret = secret(at, "secret-key", keys.secretKey(), keys.secretKeyFile(), keys.secretKeyEnv(), env);
        ObjectStoreSettings settings;
        CopyRetentionPolicy retention;
        try {
            settings = new ObjectStoreSettings(
                    keys.endpoint(),
                    access,
                    secret,
                    keys.bucket(),
                    keys.region(),
                    keys.partSize() == null ? 0 : keys.partSize().toBytes());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
        }
        try {
            retention = keys.retention() == null
                    ? CopyRetentionPolicy.KEEP_ALL
                    : new CopyRetentionPolicy(
                            keys.retention().keepLast(), keys.retention().keepWithin());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ".retention: " + e.getMessage(), e);
        }
        return new Store(copyId, keys.enabled(), settings, retention);
    }

    private static String secret(
            String at, String name, String value, Path file, String variable, Function<String, String> env) {
        if (file != null) {
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (content.isEmpty()) {
                    throw new IllegalArgumentException(at + "." + name + "-file " + file + " is empty");
                }
                return content;
            } catch (IOException e) {
                throw new IllegalArgumentException(at + "." + name + "-file " + file + " cannot be read: "
                        + e.getClass().getSimpleName());
            }
        }
        if (variable != null && !variable.isBlank()) {
            String content = env.apply(variable);
            if (content == null || content.isBlank()) {
                throw new IllegalArgumentException(at + "." + name + "-env names " + variable + ", which is not set");
            }
            return content;
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    at + "." + name + " is required (or " + name + "-file, or " + name + "-env)");
        }
        return value;
    }

    private static void require(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " is required");
        }
    }
}
