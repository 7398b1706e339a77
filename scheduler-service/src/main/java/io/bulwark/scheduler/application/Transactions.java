package io.bulwark.scheduler.application;

import java.util.function.Supplier;

/**
 * Port: runs a unit of work in one database transaction, so that the {@link BackupCatalog} calls inside it (lock,
 * mark processed, save) commit or roll back together.
 */
public interface Transactions {

    /**
     * Runs {@code work} in a transaction: joins the caller's transaction when there is one, else begins one that
     * commits when {@code work} returns and rolls back when it throws.
     *
     * @param work the unit of work; may return null
     * @param <T> what the work returns
     * @return what {@code work} returned
     * @throws RuntimeException whatever {@code work} threw (after the rollback), or the implementation's unchecked
     *     exception when the transaction cannot begin or commit
     */
    <T> T inTransaction(Supplier<T> work);
}
