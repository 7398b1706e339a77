package io.bulwark.verifier.config;

import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.codec.ArtifactDecoder;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.artifacts.codec.DecryptionKeys;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.VerificationReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Pays the one-time costs of the verification path once the application is ready, on a virtual thread of its own,
 * so that they do not land inside the first verification's {@code restoreMillis} (which the {@code rto} check
 * judges), nor between the arrival of the first {@code BackupCompleted} and its verdict: reading and writing the
 * event and report JSON with {@link EventJson} and a manifest with {@link ManifestJson} (Jackson builds its
 * (de)serializers on first use), loading zstd-jni's native library and initialising the decoder classes (a tiny zstd
 * frame is encoded and decoded through {@link ArtifactDecoder}), and the object store client's first request (one
 * {@link ObjectStore#exists} of a key that is never written).
 *
 * <p>Measured on the verifier's machine (2 cores, 2026-12-01): the first {@code ArtifactDecoder.decoding} of a JVM
 * took 120 to 210 ms, later ones under 1 ms; the first {@code EventJson.read} of a {@code BackupCompleted} 400 ms,
 * 5 ms after a warm-up. In {@code bench verify} the first verification after start-up spent about 120 ms more
 * between its start and {@code pg_restore}'s start, and about 340 ms more between the event's production and its
 * start, than later ones. Failures only go to the debug log: the verifications report their own.
 */
@Component
public class StartupWarmUp {

    /** The key {@link #warmUp()} asks the object store about; it is never written. */
    public static final String PROBE_KEY = ".bulwark-verifier-warm-up";

    private static final Logger log = LoggerFactory.getLogger(StartupWarmUp.class);

    private final ObjectStore store;

    /** @param store the object store the verifier reads artifacts from */
    public StartupWarmUp(ObjectStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Starts {@link #warmUp()} on a virtual thread when the application is ready; returns at once. */
    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        Thread.ofVirtual().name("verifier-warm-up").start(this::warmUp);
    }

    /** Round-trips the event JSON, decodes a tiny zstd frame and asks the store about {@link #PROBE_KEY}; never throws. */
    void warmUp() {
        long started = System.nanoTime();
        for (Class<?> type : List.of(BackupCompleted.class, BackupVerified.class, VerificationReport.class)) {
            try {
                EventJson.toBytes(EventJson.read("{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8), type));
            } catch (RuntimeException e) {
                log.debug("warming up the JSON of {} failed: {}", type.getSimpleName(), e.toString());
            }
        }
        try {
            ManifestJson.read("{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            log.debug("warming up the manifest JSON failed: {}", e.toString());
        }
        try {
            decodeTinyFrame();
        } catch (IOException | RuntimeException | LinkageError e) {
            log.debug("warming up the decoder failed: {}", e.toString());
        }
        long decoded = System.nanoTime();
        try {
            store.exists(PROBE_KEY);
        } catch (RuntimeException e) {
            log.debug("warming up the object store client failed: {}", e.toString());
        }
        log.debug(
                "warm-up: decoder {} ms, object store {} ms",
                (decoded - started) / 1_000_000,
                (System.nanoTime() - decoded) / 1_000_000);
    }

    private static void decodeTinyFrame() throws IOException {
        byte[] text = "bulwark warm-up".getBytes(StandardCharsets.UTF_8);
        CodecChain chain = CodecChain.zstd();
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        try (OutputStream encoder = chain.encoder(frame)) {
            encoder.write(text);
        }
        try (InputStream decoded = ArtifactDecoder.decoding(
                new ByteArrayInputStream(frame.toByteArray()), chain.codecs(), DecryptionKeys.none())) {
            if (!java.util.Arrays.equals(decoded.readAllBytes(), text)) {
                throw new IOException("the zstd round trip changed the bytes");
            }
        }
    }
}
