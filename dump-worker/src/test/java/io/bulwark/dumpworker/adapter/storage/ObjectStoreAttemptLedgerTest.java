package io.bulwark.dumpworker.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.InMemoryObjectStore;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;

/** How {@link ObjectStoreAttemptLedger} reads and writes its records. */
class ObjectStoreAttemptLedgerTest {

    private final InMemoryObjectStore store = Mockito.spy(new InMemoryObjectStore());
    private final ObjectStoreAttemptLedger ledger = new ObjectStoreAttemptLedger(store);
    private final UUID backup = UUID.randomUUID();

    @Test
    void anAbsentRecordCostsAHeadAndNoGet() {
        assertThat(ledger.recorded("pg", backup)).isZero();

        Mockito.verify(store).exists(ObjectStoreAttemptLedger.key("pg", backup));
        Mockito.verify(store, Mockito.never()).get(ArgumentMatchers.anyString());
    }

    @Test
    void aRecordThatExistsIsReadAndCountsOnAndFinishingRemovesIt() {
        assertThat(ledger.begin("pg", backup, ledger.recorded("pg", backup))).isEqualTo(1);
        assertThat(ledger.recorded("pg", backup)).isEqualTo(1);
        assertThat(ledger.begin("pg", backup, 1)).isEqualTo(2);
        assertThat(ledger.recorded("pg", backup)).isEqualTo(2);

        ledger.finish("pg", backup);

        assertThat(ledger.recorded("pg", backup)).isZero();
        assertThat(store.objects()).isEmpty();
    }
}
