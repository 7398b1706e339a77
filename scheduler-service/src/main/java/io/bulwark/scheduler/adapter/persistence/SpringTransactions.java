package io.bulwark.scheduler.adapter.persistence;

import io.bulwark.scheduler.application.Transactions;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Transactions} on Spring's transaction manager of the scheduler's data source, with the defaults of {@code
 * @Transactional}: propagation REQUIRED, the database's default isolation, rollback on any exception or error the
 * work throws. Thread-safe.
 */
@Component
public class SpringTransactions implements Transactions {

    private final TransactionTemplate template;

    public SpringTransactions(PlatformTransactionManager transactionManager) {
        this.template = new TransactionTemplate(transactionManager);
    }

    /**
     * {@inheritDoc}
     *
     * @throws org.springframework.transaction.TransactionException when the transaction cannot begin, commit or roll
     *     back
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}
