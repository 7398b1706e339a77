package io.bulwark.verifier.application;

import io.bulwark.contracts.RestorePhase;
import io.bulwark.contracts.RestoreProgressed;
import io.bulwark.pipeline.OpenArtifact;
import io.bulwark.pipeline.ProvenRestore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a running restore's {@link RestoreProgressed} at each phase change and every interval while it reads
 * the artifact (stored bytes read of the artifact's size, decoded bytes handed to the tool, percent and ETA from the
 * rate so far), and beats its ledger entry at the same pace. One per restore; {@link #close()} stops it.
 */
final class RestoreProgress implements ProvenRestore.Listener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RestoreProgress.class);

    private final UUID restoreId;
    private final String targetId;
    private final UUID backupId;
    private final RestorePublisher publisher;
    private final RestoreLedger ledger;
    private final Clock clock;
    private final long started = System.nanoTime();
    private final ScheduledFuture<?> ticks;
    private volatile RestorePhase phase = RestorePhase.PREPARE;
    private volatile OpenArtifact artifact;
    private volatile long readingStarted;
    private volatile boolean recorded;
    private final ProvenRestore.Listener onDecided;
    private final Object beats = new Object();
    private boolean closed;

    RestoreProgress(
            UUID restoreId,
            String targetId,
            UUID backupId,
            RestorePublisher publisher,
            RestoreLedger ledger,
            Clock clock,
            ScheduledExecutorService timer,
            Duration interval,
            ProvenRestore.Listener onDecided) {
        this.restoreId = restoreId;
        this.targetId = targetId;
        this.backupId = backupId;
        this.publisher = publisher;
        this.ledger = ledger;
        this.clock = clock;
        this.onDecided = onDecided;
        this.ticks =
                timer.scheduleAtFixedRate(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void phase(RestorePhase next) {
        phase = next;
        publish();
    }

    @Override
    public void decided(io.bulwark.pipeline.DestinationPreparer.Decision decision) {
        onDecided.decided(decision);
        recorded = true;
    }

    @Override
    public void reading(OpenArtifact open) {
        readingStarted = System.nanoTime();
        artifact = open;
    }

    private void tick() {
        synchronized (beats) {
            if (closed) {
                return;
            }
            try {
                publish();
                if (recorded) {
                    ledger.beat(restoreId, clock.instant());
                }
            } catch (RuntimeException e) {
                log.debug("progress of restore {} not published: {}", restoreId, e.getMessage());
            }
        }
    }

    private void publish() {
        OpenArtifact open = artifact;
        long read = open == null ? 0 : open.storedBytesRead();
        long total = open == null ? 0 : open.storedSize();
        long restored = open == null ? 0 : open.decodedBytesRead();
        int percent = phase == RestorePhase.PROVE ? 100 : total <= 0 ? 0 : (int) Math.min(100, read * 100 / total);
        Long eta = null;
        if (open != null && read > 0 && total > read && phase != RestorePhase.PROVE) {
            double seconds = (System.nanoTime() - readingStarted) / 1e9;
            eta = Math.round((total - read) / (read / Math.max(seconds, 0.001)));
        }
        Instant now = clock.instant();
        try {
            publisher.progressed(new RestoreProgressed(
                    UUID.randomUUID(),
                    now,
                    RestoreProgressed.SCHEMA_VERSION,
                    restoreId,
                    targetId,
                    backupId,
                    phase,
                    read,
                    Math.max(total, 0),
                    restored,
                    percent,
                    eta,
                    (System.nanoTime() - started) / 1_000_000));
        } catch (RuntimeException e) {
            log.debug("progress of restore {} not published: {}", restoreId, e.getMessage());
        }
    }

    @Override
    /**
     * Stops the ticks, waiting for one that runs now: once this returns no heartbeat is written any more, so the
     * caller may remove the restore's ledger entry without a late beat writing it back.
     */
    public void close() {
        ticks.cancel(false);
        synchronized (beats) {
            closed = true;
        }
    }
}
