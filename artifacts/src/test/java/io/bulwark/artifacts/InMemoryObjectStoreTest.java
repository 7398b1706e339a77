package io.bulwark.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link InMemoryObjectStore} keeps the same contract as the real store, and fails when told to. */
class InMemoryObjectStoreTest extends ObjectStoreContract {

    private final InMemoryObjectStore store = new InMemoryObjectStore();

    @Override
    protected ObjectStore store() {
        return store;
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
