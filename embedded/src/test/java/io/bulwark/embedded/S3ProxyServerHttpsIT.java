package io.bulwark.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Random;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3ProxyServerHttpsIT {

    @TempDir
    Path dir;

    @Test
    void servesAMultipartUploadOverHttpsToAClientTrustingOnlyTheLoopbackCertificate() throws Exception {
        LoopbackTls tls = LoopbackTls.create(dir.resolve("tls"));
        assertThat(tls.toString()).doesNotContain(tls.keyStorePassword());
        assertThat(tls.clientJvmOptions())
                .containsExactly(
                        "-Djavax.net.ssl.trustStore=" + tls.trustStore().toAbsolutePath(),
                        "-Djavax.net.ssl.trustStoreType=PKCS12");

        try (S3ProxyServer server =
                S3ProxyServer.startHttps(dir.resolve("s3"), "bulwark", tls.keyStore(), tls.keyStorePassword())) {
            assertThat(server.endpoint()).startsWith("https://127.0.0.1:");
            byte[] body = new byte[11 * 1024 * 1024 + 7];
            new Random(7).nextBytes(body);

            MinioClient client = client(server, trusting(tls.trustStore()));
            client.putObject(PutObjectArgs.builder().bucket("bulwark").object("tls/dump.bin").stream(
                            new ByteArrayInputStream(body), -1L, 5L * 1024 * 1024)
                    .build());
            try (GetObjectResponse in = client.getObject(GetObjectArgs.builder()
                    .bucket("bulwark")
                    .object("tls/dump.bin")
                    .build())) {
                assertThat(in.readAllBytes()).isEqualTo(body);
            }

            MinioClient untrusting = client(server, new OkHttpClient());
            assertThatThrownBy(() -> untrusting.putObject(PutObjectArgs.builder().bucket("bulwark").object("x").stream(
                                    new ByteArrayInputStream(new byte[] {1}), 1L, -1L)
                            .build()))
                    .hasStackTraceContaining("PKIX");
        }
    }

    private static MinioClient client(S3ProxyServer server, OkHttpClient http) {
        return MinioClient.builder()
                .endpoint(server.endpoint())
                .region(server.region())
                .credentials(server.accessKey(), server.secretKey())
                .httpClient(http)
                .build();
    }

    /** An HTTP client trusting only the certificates in {@code trustStore}, read without a password. */
    private static OkHttpClient trusting(Path trustStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            store.load(in, null);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        X509TrustManager trust = (X509TrustManager) factory.getTrustManagers()[0];
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
        return new OkHttpClient.Builder()
                .sslSocketFactory(context.getSocketFactory(), trust)
                .build();
    }
}
