package io.paasruntime.store.jdbc;

import io.paasruntime.spi.ProviderContext;
import io.paasruntime.spi.store.StateStore;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The store as handed to {@link StateStore#transaction} work: its repositories all use the
 * transaction's session. Valid only while the work runs, on the thread running it.
 */
final class TransactionView extends RepositoryAccess {
    private final JdbcStateStore store;

    /** Writes of cached rows are told to {@code changes}; reads never use the cache (they must see this transaction's writes). */
    TransactionView(JdbcStateStore store, TransactionSession session, TransactionChanges changes) {
        super(Repositories.over(session, changes));
        this.store = store;
    }

    /** Nested work joins the open transaction. */
    @Override
    public <T> T transaction(Function<StateStore, T> work) {
        return work.apply(this);
    }

    @Override
    public <T> Optional<T> exclusively(String jobName, Supplier<T> job) {
        return store.exclusively(jobName, job);
    }

    @Override
    public Optional<ProviderContext.PostgresServer> embeddedServer() {
        return store.embeddedServer();
    }

    /** The work does not own the store. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("the store handed to a transaction cannot be closed");
    }
}
