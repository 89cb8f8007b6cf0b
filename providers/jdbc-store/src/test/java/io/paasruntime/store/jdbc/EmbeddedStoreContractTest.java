package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.StateStore;
import io.paasruntime.tck.store.StateStoreContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The store contract on the embedded PostgreSQL (one server for the whole class). */
class EmbeddedStoreContractTest extends StateStoreContractTest {
    @TempDir
    static Path dataDir;
    private static StateStore store;

    @BeforeAll
    static void start() {
        store = TestStores.embedded(dataDir);
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @Override
    protected StateStore store() {
        return store;
    }
}
