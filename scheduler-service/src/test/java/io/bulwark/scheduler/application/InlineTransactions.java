package io.bulwark.scheduler.application;

import java.util.function.Supplier;

/** {@link Transactions} for unit tests: runs the work as it is, the in-memory catalogs have nothing to commit. */
final class InlineTransactions implements Transactions {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
