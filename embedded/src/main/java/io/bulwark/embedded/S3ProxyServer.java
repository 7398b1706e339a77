package io.bulwark.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An S3 server in this JVM: S3Proxy's {@code filesystem-nio2} provider storing objects in a folder, listening on a
 * given or free port of 127.0.0.1, requiring AWS signatures (v4, or v2) with the access and secret key it was started
 * with. Each bucket is a sub-folder of the given directory, so data survives a restart on the same directory. Used by
 * the local stack in production and by integration tests.
 *
 * <p>S3Proxy answers 501 to object tagging and object lock requests; everything a backup needs (put, multipart
 * upload, get, ranged get, copy, list, delete) works.
 */
public final class S3ProxyServer implements AutoCloseable {

    /** The region clients should sign for. */
    public static final String REGION = "us-east-1";

    private final S3Proxy proxy;
    private final BlobStore blobStore;
    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;
    private final String bucket;

    private S3ProxyServer(
            S3Proxy proxy, BlobStore blobStore, URI endpoint, String accessKey, String secretKey, String bucket) {
        this.proxy = proxy;
        this.blobStore = blobStore;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.bucket = bucket;
    }

    /**
     * Starts a server on {@code dir} with freshly generated keys and creates {@code bucket} if it does not exist.
     *
     * @param dir folder holding the buckets; created if missing
     * @param bucket bucket to create (S3 bucket naming rules)
     * @return the running server
     * @throws IllegalStateException when the server does not start
     */
    public static S3ProxyServer start(Path dir, String bucket) {
        return start(dir, bucket, "bulwark-" + randomHex(4), randomHex(20));
    }

    /**
     * Starts a server on {@code dir} with the given keys and creates {@code bucket} if it does not exist.
     *
     * @param dir folder holding the buckets; created if missing
     * @param bucket bucket to create (S3 bucket naming rules)
     * @param accessKey access key clients must sign with
     * @param secretKey secret key clients must sign with; never logged
     * @return the running server
     * @throws IllegalStateException when the server does not start
     */
    public static S3ProxyServer start(Path dir, String bucket, String accessKey, String secretKey) {
        return start(dir, bucket, accessKey, secretKey, 0);
    }

    /**
     * Starts a server on a chosen port (0 picks a free one), see {@link #start(Path, String, String, String)}.
     *
     * @param dir folder holding the buckets; created if missing
     * @param bucket bucket to create (S3 bucket naming rules)
     * @param accessKey access key clients must sign with
     * @param secretKey secret key clients must sign with; never logged
     * @param port TCP port on 127.0.0.1, or 0 for a free one
     * @return the running server
     * @throws UncheckedIOException when the folder cannot be created
     * @throws IllegalStateException when the server does not start within 30 s (e.g. the port is taken)
     */
    public static S3ProxyServer start(Path dir, String bucket, String accessKey, String secretKey, int port) {
        return start(dir, bucket, accessKey, secretKey, port, null, null);
    }

    /**
     * Starts a server that answers HTTPS only, on a free port of 127.0.0.1, with freshly generated keys, see {@link
     * #start(Path, String, String, String)}. Clients must trust the certificate in {@code keyStore} (for example
     * through {@code javax.net.ssl.trustStore}); over HTTPS the MinIO SDK sends {@code UNSIGNED-PAYLOAD} instead of
     * each part's SHA-256, so neither side hashes the payload for the signature, as with an S3 endpoint in production.
     *
     * @param keyStore a PKCS#12 key store holding the server's private key and certificate (its subject alternative
     *     names must include IP 127.0.0.1)
     * @param keyStorePassword the key store's password
     * @return the running server; {@link #endpoint()} is {@code https://127.0.0.1:<port>}
     * @throws IllegalStateException when the server does not start (e.g. the key store cannot be read)
     */
    public static S3ProxyServer startHttps(Path dir, String bucket, Path keyStore, String keyStorePassword) {
        return start(
                dir,
                bucket,
                "bulwark-" + randomHex(4),
                randomHex(20),
                0,
                keyStore.toAbsolutePath().toString(),
                keyStorePassword);
    }

    private static S3ProxyServer start(
            Path dir,
            String bucket,
            String accessKey,
            String secretKey,
            int port,
            String keyStore,
            String keyStorePassword) {
        QuietLogging.apply();
        Path root;
        try {
            root = Files.createDirectories(dir).toAbsolutePath().toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create S3 data folder " + dir, e);
        }
        BlobStore store = new FilesystemNio2BlobStore(root.toString());
        boolean https = keyStore != null;
        URI requested = URI.create((https ? "https" : "http") + "://127.0.0.1:" + port);
        S3Proxy.Builder builder = S3Proxy.builder().blobStore(store);
        if (https) {
            builder.secureEndpoint(requested).keyStore(keyStore, keyStorePassword);
        } else {
            builder.endpoint(requested);
        }
        S3Proxy proxy = builder.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .ignoreUnknownHeaders(true)
                .stopTimeout(1_000)
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start within 30 s, state " + proxy.getState());
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(proxy);
            throw new IllegalStateException("interrupted while starting S3Proxy", e);
        } catch (Exception e) {
            stopQuietly(proxy);
            throw new IllegalStateException("S3Proxy did not start on " + requested + ": " + e.getMessage(), e);
        }
        URI endpoint = https
                ? URI.create("https://127.0.0.1:" + proxy.getSecurePort())
                : URI.create("http://127.0.0.1:" + proxy.getPort());
        if (!store.containerExists(bucket)) {
            store.createContainer(bucket);
        }
        return new S3ProxyServer(proxy, store, endpoint, accessKey, secretKey, bucket);
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String endpoint() {
        return endpoint.toString();
    }

    /** The TCP port the server listens on. */
    public int port() {
        return endpoint.getPort();
    }

    /** The access key clients sign with. */
    public String accessKey() {
        return accessKey;
    }

    /** The secret key clients sign with. */
    public String secretKey() {
        return secretKey;
    }

    /** The bucket created at start. */
    public String bucket() {
        return bucket;
    }

    /** The region clients should sign for ({@value #REGION}). */
    public String region() {
        return REGION;
    }

    /**
     * Creates another bucket (a sub-folder of the data folder) if it does not exist yet.
     *
     * @param name bucket name (S3 bucket naming rules)
     */
    public void createBucket(String name) {
        if (!blobStore.containerExists(name)) {
            blobStore.createContainer(name);
        }
    }

    /** Stops the server; the folder and its objects stay. */
    @Override
    public void close() {
        stopQuietly(proxy);
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // stopping a server that failed to start
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
