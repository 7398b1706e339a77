package io.bulwark.artifacts;

import io.minio.AbortMultipartUploadArgs;
import io.minio.BucketExistsArgs;
import io.minio.Checksum;
import io.minio.GetObjectArgs;
import io.minio.ListMultipartUploadsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.DeleteRequest;
import io.minio.messages.DeleteResult;
import io.minio.messages.Item;
import io.minio.messages.ListMultipartUploadsResult;
import io.minio.messages.ListMultipartUploadsResult.Upload;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ObjectStore} on any S3-compatible server (MinIO, S3Proxy, AWS S3) through the MinIO Java
 * SDK 9.
 *
 * <p>{@link #putStream} uses the SDK's multipart upload for streams of unknown size: parts of {@link
 * ObjectStoreSettings#partSizeBytes()} are read and uploaded one after the other, so an upload buffers
 * about one part in memory. When reading the stream throws, the SDK aborts the multipart upload
 * (AbortMultipartUpload) and no object appears; the error is rethrown as {@link
 * ObjectStoreException} with the stream's exception as a cause. Thread-safe.
 */
public final class MinioObjectStore implements ObjectStore {

    private static final Set<String> NOT_FOUND = Set.of("NoSuchKey", "NoSuchObject", "NotFound");
    private static final Set<String> NO_UPLOAD = Set.of("NoSuchUpload", "NoSuchKey", "NotFound");
    private static final Set<String> UNSUPPORTED = Set.of("NotImplemented", "MethodNotAllowed");
    private static final Logger log = LoggerFactory.getLogger(MinioObjectStore.class);

    /**
     * The checksum each uploaded part carries ({@code x-amz-checksum-crc32}), which the server verifies before it keeps
     * the part (AWS S3 user guide, "Checking object integrity"). CRC-32 rather than the SDK's default CRC-32C: the SDK
     * computes CRC-32C in Java, table by table, and that took a fifth of the capture thread's time on a dump
     * compressing 3:1, while {@link java.util.zip.CRC32}, which the SDK uses for CRC-32, is a JVM intrinsic. Over
     * plain HTTP the SDK also signs each part's SHA-256 (Signature Version 4), as before.
     */
    static final Checksum.Algorithm PART_CHECKSUM = Checksum.Algorithm.CRC32;

    private final MinioClient client;
    private final MinioAsyncClient asyncClient;
    private final ObjectStoreSettings settings;
    private final AtomicBoolean uploadListingUnsupportedLogged = new AtomicBoolean();
    private final int uploadsPerPage;

    /** A store on the server and bucket of {@code settings}; connects lazily. */
    public MinioObjectStore(ObjectStoreSettings settings) {
        this(settings, 1000);
    }

    /** A store listing incomplete uploads {@code uploadsPerPage} at a time (S3's maximum is 1000). */
    MinioObjectStore(ObjectStoreSettings settings, int uploadsPerPage) {
        this.settings = settings;
        this.uploadsPerPage = uploadsPerPage;
        this.client = MinioClients.client(settings);
        this.asyncClient = MinioClients.asyncClient(settings);
    }

    /** The settings this store was built from. */
    public ObjectStoreSettings settings() {
        return settings;
    }

    @Override
    public String bucket() {
        return settings.bucket();
    }

    /**
     * Creates the bucket when it does not exist yet; idempotent.
     *
     * @throws ObjectStoreException when the server cannot be reached or refuses
     */
    public void ensureBucket() {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket()).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket()).build());
            }
        } catch (ErrorResponseException e) {
            String code = e.errorResponse().code();
            if (!"BucketAlreadyOwnedByYou".equals(code) && !"BucketAlreadyExists".equals(code)) {
                throw failure("create bucket " + bucket(), e);
            }
        } catch (MinioException e) {
            throw failure("create bucket " + bucket(), e);
        }
    }

    @Override
    public long putStream(String key, InputStream content, String contentType) {
        CountingInputStream counted = new CountingInputStream(content);
        try {
            client.putObject(
                    PutObjectArgs.builder().bucket(bucket()).object(key).stream(counted, null, settings.partSizeBytes())
                            .contentType(contentType)
                            .checksum(PART_CHECKSUM)
                            .build());
            return counted.count;
        } catch (MinioException e) {
            throw failure("upload " + key, e);
        } catch (IllegalStateException e) {
            throw unreachable("upload " + key, e);
        }
    }

    @Override
    public void putBytes(String key, byte[] content, String contentType) {
        try {
            client.putObject(PutObjectArgs.builder()
                    .bucket(bucket())
                    .object(key)
                    .data(content, content.length)
                    .contentType(contentType)
                    .checksum(PART_CHECKSUM)
                    .build());
        } catch (MinioException e) {
            throw failure("upload " + key, e);
        } catch (IllegalStateException e) {
            throw unreachable("upload " + key, e);
        }
    }

    @Override
    public InputStream get(String key) {
        try {
            return client.getObject(
                    GetObjectArgs.builder().bucket(bucket()).object(key).build());
        } catch (MinioException e) {
            throw notFoundOr(key, "download " + key, e);
        } catch (IllegalStateException e) {
            throw unreachable("download " + key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            size(key);
            return true;
        } catch (ObjectNotFoundException e) {
            return false;
        }
    }

    @Override
    public long size(String key) {
        try {
            return client.statObject(StatObjectArgs.builder()
                            .bucket(bucket())
                            .object(key)
                            .build())
                    .size();
        } catch (MinioException e) {
            throw notFoundOr(key, "stat " + key, e);
        } catch (IllegalStateException e) {
            throw unreachable("stat " + key, e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        try {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder()
                    .bucket(bucket())
                    .prefix(prefix)
                    .recursive(true)
                    .build())) {
                Item item = result.get();
                if (!item.isDir()) {
                    keys.add(item.objectName());
                }
            }
        } catch (MinioException e) {
            throw failure("list " + prefix, e);
        } catch (IllegalStateException e) {
            // the SDK's listing iterator wraps a failed page request (the server is down) in an unchecked exception
            throw new ObjectStoreException(
                    "object store " + settings.endpoint() + " bucket " + bucket() + ": could not list " + prefix + ": "
                            + (e.getCause() == null
                                    ? e.getMessage()
                                    : e.getCause().toString()),
                    e);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public void delete(String key) {
        try {
            client.removeObject(
                    RemoveObjectArgs.builder().bucket(bucket()).object(key).build());
        } catch (ErrorResponseException e) {
            if (!NOT_FOUND.contains(e.errorResponse().code())) {
                throw failure("delete " + key, e);
            }
        } catch (MinioException e) {
            throw failure("delete " + key, e);
        } catch (IllegalStateException e) {
            throw unreachable("delete " + key, e);
        }
    }

    @Override
    public int deletePrefix(String prefix) {
        List<String> keys = list(prefix);
        if (keys.isEmpty()) {
            return 0;
        }
        List<DeleteRequest.Object> objects =
                keys.stream().map(DeleteRequest.Object::new).toList();
        List<String> errors = new ArrayList<>();
        try {
            for (Result<DeleteResult.Error> result : client.removeObjects(RemoveObjectsArgs.builder()
                    .bucket(bucket())
                    .objects(objects)
                    .build())) {
                DeleteResult.Error error = result.get();
                if (!NOT_FOUND.contains(error.code())) {
                    errors.add(error.objectName() + ": " + error.code());
                }
            }
        } catch (MinioException e) {
            throw failure("delete under " + prefix, e);
        }
        if (!errors.isEmpty()) {
            throw new ObjectStoreException("could not delete under " + prefix + ": " + errors, null);
        }
        return keys.size();
    }

    @Override
    public List<String> incompleteUploads(String prefix) {
        return uploads(prefix).stream()
                .map(Upload::objectName)
                .distinct()
                .sorted()
                .toList();
    }

    @Override
    public int abortIncompleteUploads(String prefix, Duration olderThan) {
        Objects.requireNonNull(olderThan, "olderThan");
        Instant cutoff = Instant.now().minus(olderThan);
        int aborted = 0;
        for (Upload upload : uploads(prefix)) {
            if (upload.initiated() == null) {
                log.warn(
                        "incomplete upload {} of {} has no initiation time; not aborting it",
                        upload.uploadId(),
                        upload.objectName());
                continue;
            }
            if (upload.initiated().toInstant().isAfter(cutoff)) {
                continue;
            }
            if (abort(upload)) {
                aborted++;
            }
        }
        return aborted;
    }

    /** Every incomplete upload under {@code prefix}, following the key and upload-id markers. */
    private List<Upload> uploads(String prefix) {
        List<Upload> uploads = new ArrayList<>();
        String keyMarker = null;
        String uploadIdMarker = null;
        try {
            while (true) {
                ListMultipartUploadsResult page = join(asyncClient.listMultipartUploads(
                                ListMultipartUploadsArgs.builder()
                                        .bucket(bucket())
                                        .prefix(prefix)
                                        .maxUploads(uploadsPerPage)
                                        .keyMarker(keyMarker)
                                        .uploadIdMarker(uploadIdMarker)
                                        .build()))
                        .result();
                for (Upload upload : page.uploads()) {
                    if (upload.objectName().startsWith(prefix)) {
                        uploads.add(upload);
                    }
                }
                if (!page.isTruncated()
                        || page.nextKeyMarker() == null
                        || page.nextKeyMarker().isEmpty()) {
                    return uploads;
                }
                keyMarker = page.nextKeyMarker();
                uploadIdMarker = page.nextUploadIdMarker();
            }
        } catch (ErrorResponseException e) {
            if (UNSUPPORTED.contains(e.errorResponse().code())) {
                if (uploadListingUnsupportedLogged.compareAndSet(false, true)) {
                    log.warn(
                            "object store {} does not list multipart uploads ({} {}); incomplete uploads cannot be"
                                    + " found or aborted there",
                            settings.endpoint(),
                            e.errorResponse().code(),
                            e.errorResponse().message());
                }
                return List.of();
            }
            throw failure("list incomplete uploads under " + prefix, e);
        } catch (MinioException e) {
            throw failure("list incomplete uploads under " + prefix, e);
        }
    }

    /** Aborts one upload; false when it was gone already. */
    private boolean abort(Upload upload) {
        try {
            join(asyncClient.abortMultipartUpload(AbortMultipartUploadArgs.builder()
                    .bucket(bucket())
                    .object(upload.objectName())
                    .uploadId(upload.uploadId())
                    .build()));
            log.info(
                    "aborted incomplete upload {} of {} initiated at {}",
                    upload.uploadId(),
                    upload.objectName(),
                    upload.initiated());
            return true;
        } catch (ErrorResponseException e) {
            if (NO_UPLOAD.contains(e.errorResponse().code())) {
                return false;
            }
            throw failure("abort the upload " + upload.uploadId() + " of " + upload.objectName(), e);
        } catch (MinioException e) {
            throw failure("abort the upload " + upload.uploadId() + " of " + upload.objectName(), e);
        }
    }

    private <T> T join(CompletableFuture<T> future) throws MinioException {
        try {
            return future.join();
        } catch (CompletionException e) {
            asyncClient.throwMinioException(e);
            throw e;
        }
    }

    private ObjectStoreException notFoundOr(String key, String action, MinioException e) {
        if (e instanceof ErrorResponseException ere
                && NOT_FOUND.contains(ere.errorResponse().code())) {
            return new ObjectNotFoundException(key);
        }
        return failure(action, e);
    }

    private ObjectStoreException failure(String action, MinioException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new ObjectStoreException(
                "object store " + settings.endpoint() + " bucket " + bucket() + ": could not " + action + ": "
                        + describe(e),
                cause instanceof IOException ? cause : e);
    }

    /**
     * The SDK's synchronous calls wrap an I/O failure (connection refused, reset, a failed read of the caller's
     * stream) in an {@link IllegalStateException}: that is the store's failure like any other.
     *
     * @throws IllegalStateException {@code e} itself when it wraps no {@link IOException}
     */
    private ObjectStoreException unreachable(String action, IllegalStateException e) {
        if (!(e.getCause() instanceof IOException io)) {
            throw e;
        }
        return new ObjectStoreException(
                "object store " + settings.endpoint() + " bucket " + bucket() + ": could not " + action + ": " + io,
                io);
    }

    private static String describe(MinioException e) {
        if (e instanceof ErrorResponseException ere) {
            return ere.errorResponse().code() + " " + ere.errorResponse().message();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() != null ? ": " + root.getMessage() : "");
    }

    /** Counts the bytes the SDK read from the caller's stream. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("skip is not supported");
        }
    }
}
