package io.paasruntime.store.jdbc;

import java.util.UUID;

/**
 * What a repository tells after it wrote rows the {@link ReadCache} may hold. Per-call writes tell
 * the cache itself, once the call committed; writes in a transaction tell {@link TransactionChanges}.
 */
interface RowChanges {
    RowChanges NONE = new RowChanges() {
        @Override
        public void appChanged(UUID appId) {
        }

        @Override
        public void appPurged(UUID appId) {
        }

        @Override
        public void releaseChanged(UUID releaseId) {
        }

        @Override
        public void tenantDeleted(UUID tenantId) {
        }
    };

    /** The app's row was inserted or updated. */
    void appChanged(UUID appId);

    /** The app's row went, and its releases with it. */
    void appPurged(UUID appId);

    /** The release's row was inserted or its status changed. */
    void releaseChanged(UUID releaseId);

    /** The tenant went, and its apps and their releases with it. */
    void tenantDeleted(UUID tenantId);
}
