package io.paasruntime.tck.store;

import io.paasruntime.spi.store.StateStore;

/** The in-memory test double keeps the same contract as the real store. */
class InMemoryStateStoreContractTest extends StateStoreContractTest {
    private final InMemoryStateStore store = new InMemoryStateStore();

    @Override
    protected StateStore store() {
        return store;
    }
}
