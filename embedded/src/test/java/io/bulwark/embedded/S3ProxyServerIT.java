package io.bulwark.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.SourceObject;
import io.minio.StatObjectArgs;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3ProxyServerIT {

    @TempDir
    static Path dir;

    static S3ProxyServer server;
    static MinioClient client;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start(dir, "bulwark");
        client = MinioClient.builder()
                .endpoint(server.endpoint())
                .region(server.region())
                .credentials(server.accessKey(), server.secretKey())
                .build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void createsTheBucketAndStoresObjectsInTheFolder() throws Exception {
        assertThat(client.bucketExists(
                        BucketExistsArgs.builder().bucket("bulwark").build()))
                .isTrue();
        byte[] body = "hello bulwark".getBytes(StandardCharsets.UTF_8);
        client.putObject(PutObjectArgs.builder().bucket("bulwark").object("a/b/hello.txt").stream(
                        new ByteArrayInputStream(body), (long) body.length, -1L)
                .contentType("text/plain")
                .build());

        try (GetObjectResponse in = client.getObject(GetObjectArgs.builder()
                .bucket("bulwark")
                .object("a/b/hello.txt")
                .build())) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
        assertThat(dir.resolve("bulwark")).isDirectory();
    }

    @Test
    void acceptsAMultipartUploadOfAStreamOfUnknownSize() throws Exception {
        int size = 12 * 1024 * 1024 + 123;
        byte[] body = new byte[size];
        new Random(42).nextBytes(body);
        client.putObject(PutObjectArgs.builder().bucket("bulwark").object("big/dump.bin").stream(
                        new ByteArrayInputStream(body), -1L, 5L * 1024 * 1024)
                .build());

        assertThat(client.statObject(StatObjectArgs.builder()
                                .bucket("bulwark")
                                .object("big/dump.bin")
                                .build())
                        .size())
                .isEqualTo(size);
        try (InputStream in = client.getObject(
                GetObjectArgs.builder().bucket("bulwark").object("big/dump.bin").build())) {
            assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(body));
        }
    }

    @Test
    void copiesAndListsObjectsUnderAPrefix() throws Exception {
        byte[] body = "manifest".getBytes(StandardCharsets.UTF_8);
        client.putObject(PutObjectArgs.builder().bucket("bulwark").object("src/manifest.json").stream(
                        new ByteArrayInputStream(body), (long) body.length, -1L)
                .build());
        client.copyObject(CopyObjectArgs.builder()
                .bucket("bulwark")
                .object("copy/manifest.json")
                .source(SourceObject.builder()
                        .bucket("bulwark")
                        .object("src/manifest.json")
                        .build())
                .build());

        List<String> names = new ArrayList<>();
        for (Result<Item> r : client.listObjects(ListObjectsArgs.builder()
                .bucket("bulwark")
                .prefix("copy/")
                .recursive(true)
                .build())) {
            names.add(r.get().objectName());
        }
        assertThat(names).containsExactly("copy/manifest.json");
    }

    @Test
    void rejectsRequestsSignedWithAnotherSecret() {
        MinioClient intruder = MinioClient.builder()
                .endpoint(server.endpoint())
                .region(server.region())
                .credentials(server.accessKey(), "wrong-secret-key")
                .build();

        assertThatThrownBy(() -> intruder.bucketExists(
                        BucketExistsArgs.builder().bucket("bulwark").build()))
                .isInstanceOf(Exception.class);
    }

    @Test
    void keepsObjectsAcrossARestartOnTheSameFolder() throws Exception {
        Path own = dir.resolve("restart");
        byte[] body = "persist".getBytes(StandardCharsets.UTF_8);
        try (S3ProxyServer first = S3ProxyServer.start(own, "keep", "ak", "secret-secret")) {
            MinioClient c = client(first);
            c.putObject(PutObjectArgs.builder().bucket("keep").object("x").stream(
                            new ByteArrayInputStream(body), (long) body.length, -1L)
                    .build());
        }
        try (S3ProxyServer second = S3ProxyServer.start(own, "keep", "ak", "secret-secret");
                InputStream in = client(second)
                        .getObject(GetObjectArgs.builder()
                                .bucket("keep")
                                .object("x")
                                .build())) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
    }

    private static MinioClient client(S3ProxyServer s) {
        return MinioClient.builder()
                .endpoint(s.endpoint())
                .region(s.region())
                .credentials(s.accessKey(), s.secretKey())
                .build();
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
