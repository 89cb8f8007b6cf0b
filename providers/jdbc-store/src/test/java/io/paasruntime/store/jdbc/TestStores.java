package io.paasruntime.store.jdbc;

import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.store.StateStore;
import io.paasruntime.tck.TestProviderContext;

import java.nio.file.Path;
import java.util.Map;

/** Opens stores the way the runtime does: through the factory, from a raw {@code store} section. */
final class TestStores {
    private TestStores() {
    }

    static StateStore open(Path dataDir, Map<String, String> settings) {
        JdbcStateStoreFactory factory = new JdbcStateStoreFactory();
        return factory.create(ProviderConfig.of("store", settings, factory.configKeys()), TestProviderContext.of(dataDir));
    }

    /** The embedded PostgreSQL with its data in {@code <dataDir>/postgres}. */
    static StateStore embedded(Path dataDir) {
        return open(dataDir, Map.of());
    }
}
