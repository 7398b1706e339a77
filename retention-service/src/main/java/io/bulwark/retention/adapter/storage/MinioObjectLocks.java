package io.bulwark.retention.adapter.storage;

import io.bulwark.artifacts.MinioClients;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.retention.application.ObjectLocks;
import io.minio.DisableObjectLegalHoldArgs;
import io.minio.EnableObjectLegalHoldArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.SetObjectRetentionArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.InvalidResponseException;
import io.minio.errors.MinioException;
import io.minio.errors.ServerException;
import io.minio.messages.Item;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ObjectLocks} with the MinIO SDK, on the server and bucket of {@code bulwark.storage} (the same client settings
 * as the object store). A hold without {@code until} becomes a legal hold on every object of the backup (S3
 * PutObjectLegalHold); one with {@code until} a retention date in {@link Mode} (S3 PutObjectRetention). Unlocking
 * clears the legal hold, and in GOVERNANCE mode the retention date too (with the governance bypass, which needs the
 * {@code s3:BypassGovernanceRetention} permission); a COMPLIANCE date cannot be shortened and is left to pass.
 *
 * <p>The bucket must have been created with Object Lock enabled. A store that does not implement Object Lock (S3Proxy
 * answers 501 Not Implemented; others "not supported", or a bucket without an Object Lock configuration) is
 * detected: logged once, then every call answers {@link ObjectLocks.Outcome#UNSUPPORTED}. Thread-safe.
 */
public final class MinioObjectLocks implements ObjectLocks {

    /** The retention mode of Object Lock dates. */
    public enum Mode {
        /** Dates may be cleared early by a user allowed to bypass governance. */
        GOVERNANCE,
        /** Dates cannot be shortened by anyone, the root user included. */
        COMPLIANCE
    }

    private static final Logger log = LoggerFactory.getLogger(MinioObjectLocks.class);

    private static final Set<String> UNSUPPORTED_CODES = Set.of(
            "NotImplemented",
            "MethodNotAllowed",
            "ObjectLockConfigurationNotFoundError",
            "InvalidBucketObjectLockConfiguration");

    private final MinioClient client;
    private final ObjectStoreSettings settings;
    private final Mode mode;
    private final AtomicBoolean unsupported = new AtomicBoolean();

    /**
     * @param settings where the store is (endpoint, credentials, bucket, region)
     * @param mode the retention mode of dates
     */
    public MinioObjectLocks(ObjectStoreSettings settings, Mode mode) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.client = MinioClients.client(settings);
    }

    /** @throws ObjectStoreException when the store cannot be reached or refuses for another reason */
    @Override
    public Outcome lock(String prefix, Instant until) {
        return each(prefix, until == null ? "enable the legal hold on" : "set a retention date on", key -> {
            if (until == null) {
                client.enableObjectLegalHold(EnableObjectLegalHoldArgs.builder()
                        .bucket(settings.bucket())
                        .object(key)
                        .build());
            } else {
                setRetention(
                        key, new Retention(RetentionMode.valueOf(mode.name()), until.atZone(ZoneOffset.UTC)), false);
            }
        });
    }

    /** @throws ObjectStoreException when the store cannot be reached or refuses for another reason */
    @Override
    public Outcome unlock(String prefix, Instant until) {
        if (until != null && mode == Mode.COMPLIANCE) {
            log.warn(
                    "the objects under {} keep their COMPLIANCE retention date {}: it cannot be shortened",
                    prefix,
                    until);
            return Outcome.APPLIED;
        }
        return each(prefix, until == null ? "disable the legal hold on" : "clear the retention date of", key -> {
            if (until == null) {
                client.disableObjectLegalHold(DisableObjectLegalHoldArgs.builder()
                        .bucket(settings.bucket())
                        .object(key)
                        .build());
            } else {
                setRetention(key, new Retention(), true);
            }
        });
    }

    /**
     * Sets the retention of one object.
     *
     * @param retention the mode and date, or an empty one to clear it
     * @param bypassGovernance true to send {@code x-amz-bypass-governance-retention} (needed to clear a GOVERNANCE
     *     date)
     */
    private void setRetention(String key, Retention retention, boolean bypassGovernance) throws MinioException {
        client.setObjectRetention(SetObjectRetentionArgs.builder()
                .bucket(settings.bucket())
                .object(key)
                .config(retention)
                .bypassGovernanceMode(bypassGovernance)
                .build());
    }

    /** One S3 call on one object. */
    private interface Call {
        void on(String key) throws MinioException;
    }

    private Outcome each(String prefix, String action, Call call) {
        if (unsupported.get()) {
            return Outcome.UNSUPPORTED;
        }
        String current = prefix;
        try {
            for (String key : keys(prefix)) {
                current = key;
                call.on(key);
            }
            return Outcome.APPLIED;
        } catch (MinioException e) {
            if (lacksObjectLock(e)) {
                if (unsupported.compareAndSet(false, true)) {
                    log.warn(
                            "object store {} bucket {} lacks Object Lock ({}); holds stand in the catalog only",
                            settings.endpoint(),
                            settings.bucket(),
                            describe(e));
                }
                return Outcome.UNSUPPORTED;
            }
            throw new ObjectStoreException(
                    "object store " + settings.endpoint() + " bucket " + settings.bucket() + ": could not " + action
                            + " " + current + ": " + describe(e),
                    e);
        }
    }

    private List<String> keys(String prefix) throws MinioException {
        List<String> keys = new ArrayList<>();
        for (Result<Item> result : client.listObjects(ListObjectsArgs.builder()
                .bucket(settings.bucket())
                .prefix(prefix)
                .recursive(true)
                .build())) {
            Item item = result.get();
            if (!item.isDir()) {
                keys.add(item.objectName());
            }
        }
        return keys;
    }

    /** True for the answers of a store or bucket without Object Lock: 501, or a code or message saying so. */
    static boolean lacksObjectLock(MinioException e) {
        if (e instanceof ErrorResponseException ere) {
            if (ere.response() != null && ere.response().code() == 501) {
                return true;
            }
            if (UNSUPPORTED_CODES.contains(ere.errorResponse().code())) {
                return true;
            }
            return saysUnsupported(ere.errorResponse().message());
        }
        if (e instanceof ServerException se && se.statusCode() == 501) {
            return true;
        }
        if (e instanceof InvalidResponseException) {
            return saysUnsupported(e.getMessage())
                    || String.valueOf(e.getMessage()).contains("501");
        }
        return false;
    }

    private static boolean saysUnsupported(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return m.contains("not supported")
                || m.contains("not implemented")
                || m.contains("unsupported")
                || m.contains("object lock configuration");
    }

    private static String describe(MinioException e) {
        if (e instanceof ErrorResponseException ere) {
            return ere.errorResponse().code() + " " + ere.errorResponse().message();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
