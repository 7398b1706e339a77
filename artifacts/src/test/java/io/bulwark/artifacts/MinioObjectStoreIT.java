package io.bulwark.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.embedded.S3ProxyServer;
import io.minio.CreateMultipartUploadArgs;
import io.minio.MinioAsyncClient;
import io.minio.UploadPartArgs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MinioObjectStore} against a real S3 server (S3Proxy 4.1.0 on a folder), which lists and aborts
 * multipart uploads (S3 ListMultipartUploads, AbortMultipartUpload).
 */
class MinioObjectStoreIT extends ObjectStoreContract {

    @TempDir
    static Path dir;

    private static S3ProxyServer server;
    private static MinioObjectStore store;
    private static MinioAsyncClient client;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start(dir, "ignored-bucket");
        store = new MinioObjectStore(new ObjectStoreSettings(
                server.endpoint(),
                server.accessKey(),
                server.secretKey(),
                "bulwark-it",
                server.region(),
                ObjectStoreSettings.MIN_PART_SIZE));
        store.ensureBucket();
        store.ensureBucket();
        client = MinioAsyncClient.builder()
                .endpoint(server.endpoint())
                .credentials(server.accessKey(), server.secretKey())
                .region(server.region())
                .build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    @Test
    void followsTheKeyAndUploadIdMarkersAcrossPages() {
        MinioObjectStore paged = new MinioObjectStore(store.settings(), 2);
        for (String key : List.of("p/a", "p/b", "p/b", "p/c", "p/d")) {
            abandonUpload(key);
        }

        assertThat(paged.incompleteUploads("p/")).containsExactly("p/a", "p/b", "p/c", "p/d");
        assertThat(paged.abortIncompleteUploads("p/", Duration.ZERO)).isEqualTo(5);
        assertThat(paged.incompleteUploads("p/")).isEmpty();
    }

    @Override
    protected void abandonUpload(String key) {
        String uploadId = client.createMultipartUpload(CreateMultipartUploadArgs.builder()
                        .bucket(store.bucket())
                        .object(key)
                        .build())
                .join()
                .result()
                .uploadId();
        byte[] part = new byte[1024];
        client.uploadPart(UploadPartArgs.builder()
                        .bucket(store.bucket())
                        .object(key)
                        .uploadId(uploadId)
                        .partNumber(1)
                        .data(part, part.length)
                        .build())
                .join();
    }
}
