package io.paasruntime.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Row changes made inside a transaction: told to the cache at once (so nothing read before is served
 * while the transaction runs) and kept to be told again once it ended, committed or rolled back,
 * because a per-call read in between may have cached the row as it was before the commit.
 * Confined to the thread running the transaction.
 */
final class TransactionChanges implements RowChanges {
    private final RowChanges cache;
    private final List<Consumer<RowChanges>> told = new ArrayList<>();

    TransactionChanges(RowChanges cache) {
        this.cache = cache;
    }

    @Override
    public void appChanged(UUID appId) {
        tell(changes -> changes.appChanged(appId));
    }

    @Override
    public void appPurged(UUID appId) {
        tell(changes -> changes.appPurged(appId));
    }

    @Override
    public void releaseChanged(UUID releaseId) {
        tell(changes -> changes.releaseChanged(releaseId));
    }

    @Override
    public void tenantDeleted(UUID tenantId) {
        tell(changes -> changes.tenantDeleted(tenantId));
    }

    /** Tells the cache every change again; called after the transaction ended. */
    void tellAgain() {
        told.forEach(change -> change.accept(cache));
    }

    private void tell(Consumer<RowChanges> change) {
        change.accept(cache);
        told.add(change);
    }
}
