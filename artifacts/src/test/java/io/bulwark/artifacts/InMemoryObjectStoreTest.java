package io.bulwark.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** {@link InMemoryObjectStore} keeps the same contract as the real store, and fails when told to. */
class InMemoryObjectStoreTest extends ObjectStoreContract {

    private final InMemoryObjectStore store = new InMemoryObjectStore();

    @Override
    protected ObjectStore store() {
        return store;
    }

    @Override
    protected void abandonUpload(String key) {
        store.abandonUpload(key, Instant.now());
    }

    @Test
    void abortsOnlyUploadsInitiatedAtLeastTheGivenAgeAgo() {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        InMemoryObjectStore aged = new InMemoryObjectStore(Clock.fixed(now, ZoneOffset.UTC));
        aged.abandonUpload("t/old/dump", now.minus(Duration.ofHours(25)));
        aged.abandonUpload("t/day/dump", now.minus(Duration.ofHours(24)));
        aged.abandonUpload("t/new/dump", now.minus(Duration.ofMinutes(5)));

        assertThat(aged.abortIncompleteUploads("t/", Duration.ofHours(24))).isEqualTo(2);
        assertThat(aged.incompleteUploads("t/")).containsExactly("t/new/dump");
    }

    @Test
    void anUnreachableStoreRefusesEveryCall() {
        store.setUnreachable(true);

        assertThatThrownBy(() -> store.exists("a")).isInstanceOf(ObjectStoreException.class);
        assertThatThrownBy(() -> store.putBytes("a", new byte[1], "x")).isInstanceOf(ObjectStoreException.class);
        assertThat(store.objects()).isEmpty();
    }

    @Test
    void aBrokenDownloadThrowsAfterTheGivenBytes() throws IOException {
        store.putBytes("t/dump", "0123456789".getBytes(StandardCharsets.UTF_8), "x");
        store.failReadsOf("t/dump", 4);

        try (InputStream in = store.get("t/dump")) {
            assertThat(in.readNBytes(4)).hasSize(4);
            assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("reset");
        }
    }
}
