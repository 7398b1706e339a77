package io.bulwark.scheduler.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

class SpringTransactionsTest {

    private final RecordingTransactionManager manager = new RecordingTransactionManager();
    private final SpringTransactions transactions = new SpringTransactions(manager);

    @Test
    void workThatReturnsIsCommittedWithTheDefaultsOfTransactional() {
        String result = transactions.inTransaction(() -> {
            manager.calls.add("work");
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(manager.calls).containsExactly("begin", "work", "commit");
        assertThat(manager.definition.getPropagationBehavior()).isEqualTo(TransactionDefinition.PROPAGATION_REQUIRED);
        assertThat(manager.definition.getIsolationLevel()).isEqualTo(TransactionDefinition.ISOLATION_DEFAULT);
    }

    @Test
    void workThatThrowsIsRolledBackAndItsExceptionPassesThrough() {
        IllegalStateException failure = new IllegalStateException("broken");

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(manager.calls).containsExactly("begin", "rollback");
    }

    /** Records what the template asks of its transaction manager. */
    private static final class RecordingTransactionManager implements PlatformTransactionManager {

        final List<String> calls = new ArrayList<>();
        TransactionDefinition definition;

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            this.definition = definition;
            calls.add("begin");
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            calls.add("commit");
        }

        @Override
        public void rollback(TransactionStatus status) {
            calls.add("rollback");
        }
    }
}
