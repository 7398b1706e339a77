package io.bulwark.dumpworker.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.embedded.FreePorts;
import io.bulwark.embedded.S3ProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link UploadWarmUp} against a real S3 server (S3Proxy on a folder, which lists and aborts multipart uploads): its
 * uploads read their whole stream, so the SDK sent the first part before it read the second, and leave neither an
 * object nor an incomplete upload; a store that does not answer ends the warm-up without an exception.
 */
class UploadWarmUpIT {

    @TempDir
    static Path dir;

    private static S3ProxyServer server;
    private static MinioObjectStore store;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start(dir, "ignored-bucket");
        store = new MinioObjectStore(settings(server.endpoint()));
        store.ensureBucket();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void rehearsesEveryRoundAndLeavesNothingInTheBucket() {
        int rehearsed = new UploadWarmUp(store, ObjectStoreSettings.MIN_PART_SIZE).run();

        assertThat(rehearsed).isEqualTo(UploadWarmUp.ROUNDS);
        assertThat(store.list("")).isEmpty();
        assertThat(store.incompleteUploads("")).isEmpty();
    }

    @Test
    void endsQuietlyWhenTheStoreIsDown() {
        MinioObjectStore down = new MinioObjectStore(settings("http://127.0.0.1:" + FreePorts.next()));

        assertThat(new UploadWarmUp(down, ObjectStoreSettings.MIN_PART_SIZE).run())
                .isZero();
    }

    @Test
    void theRehearsalStreamFailsRightAfterItsLimit() throws IOException {
        byte[] sample = {1, 2, 3};
        InputStream in = new UploadWarmUp.AbortingStream(sample, 7);
        byte[] read = new byte[16];

        assertThat(in.readNBytes(read, 0, 7)).isEqualTo(7);
        assertThat(read).startsWith(1, 2, 3, 1, 2, 3, 1);
        assertThatThrownBy(in::read).isInstanceOf(UploadWarmUp.PlannedEnd.class);
    }

    private static ObjectStoreSettings settings(String endpoint) {
        return new ObjectStoreSettings(
                endpoint,
                server.accessKey(),
                server.secretKey(),
                "bulwark-warm-up-it",
                server.region(),
                ObjectStoreSettings.MIN_PART_SIZE);
    }
}
