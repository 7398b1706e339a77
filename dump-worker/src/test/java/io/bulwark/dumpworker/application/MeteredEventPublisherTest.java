package io.bulwark.dumpworker.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupProgressed;
import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MeteredEventPublisherTest {

    private final List<String> recorded = new ArrayList<>();
    private final BackupMetrics metrics = new BackupMetrics() {
        @Override
        public void backupCompleted(String targetId, Duration dumpDuration, long storedBytes) {
            recorded.add("completed " + targetId + " " + dumpDuration + " " + storedBytes);
        }

        @Override
        public void backupFailed(String targetId) {
            recorded.add("failed " + targetId);
        }
    };

    @Test
    void recordsACompletionWithItsDurationAndStoredBytesAfterPublishing() {
        List<Object> published = new ArrayList<>();
        new MeteredEventPublisher(publisher(published, false), metrics).completed(completed());

        assertThat(published).hasSize(1);
        assertThat(recorded).containsExactly("completed chinook PT5S 4242");
    }

    @Test
    void recordsAFailure() {
        List<Object> published = new ArrayList<>();
        new MeteredEventPublisher(publisher(published, false), metrics).failed(failed());

        assertThat(recorded).containsExactly("failed chinook");
    }

    @Test
    void anEventTheBrokerRefusedIsNotCounted() {
        MeteredEventPublisher publisher = new MeteredEventPublisher(publisher(new ArrayList<>(), true), metrics);

        assertThatThrownBy(() -> publisher.completed(completed())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> publisher.failed(failed())).isInstanceOf(IllegalStateException.class);
        assertThat(recorded).isEmpty();
    }

    private static EventPublisher publisher(List<Object> published, boolean refuse) {
        return new EventPublisher() {
            @Override
            public void completed(BackupCompleted event) {
                take(event);
            }

            @Override
            public void failed(BackupFailed event) {
                take(event);
            }

            @Override
            public void progressed(BackupProgressed event) {
                take(event);
            }

            private void take(Object event) {
                if (refuse) {
                    throw new IllegalStateException("broker down");
                }
                published.add(event);
            }
        };
    }

    private static BackupCompleted completed() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        String prefix = "chinook/2026/11/adhoc_x/";
        return new BackupCompleted(
                UUID.randomUUID(),
                now,
                1,
                id,
                id,
                "chinook",
                null,
                Tier.ADHOC,
                Trigger.MANUAL,
                prefix,
                new ArtifactRef(
                        "bulwark",
                        prefix + "dump.pgcustom.zst",
                        "pg_dump-custom",
                        List.of("zstd"),
                        4242,
                        9000,
                        "aa",
                        "bb"),
                prefix + "manifest.json",
                null,
                now.minusSeconds(5),
                now,
                5000);
    }

    private static BackupFailed failed() {
        UUID id = UUID.randomUUID();
        return new BackupFailed(
                UUID.randomUUID(), Instant.now(), 1, id, id, "chinook", FailureReason.DUMP_FAILED, "boom", 1, 1, false);
    }
}
