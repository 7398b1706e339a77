package io.bulwark.artifacts;

import io.bulwark.testsupport.S3ProxyServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** {@link MinioObjectStore} against a real S3 server (S3Proxy on a folder). */
class MinioObjectStoreIT extends ObjectStoreContract {

    @TempDir
    static Path dir;

    private static S3ProxyServer server;
    private static MinioObjectStore store;

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
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected ObjectStore store() {
        return store;
    }
}
