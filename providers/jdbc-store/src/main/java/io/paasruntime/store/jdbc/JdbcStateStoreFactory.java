package io.paasruntime.store.jdbc;

import io.paasruntime.spi.ConfigKey;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderContext;
import io.paasruntime.spi.SpiVersion;
import io.paasruntime.spi.store.StateStore;
import io.paasruntime.spi.store.StateStoreFactory;

import java.util.List;

/**
 * The {@value #ID} state store: PostgreSQL through MyBatis, schema by Flyway. Without
 * {@code store.url} it starts an embedded PostgreSQL with its data in
 * {@code <data dir>/postgres}; with it, it uses the operator's database. Unless {@code store.cache}
 * is false, single apps and releases are served from memory, kept fresh by LISTEN/NOTIFY.
 */
public final class JdbcStateStoreFactory implements StateStoreFactory {
    public static final String ID = "jdbc";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<ConfigKey> configKeys() {
        return JdbcStoreSettings.KEYS;
    }

    @Override
    public StateStore create(ProviderConfig config, ProviderContext context) {
        return JdbcStateStore.open(JdbcStoreSettings.from(config), context.dataDir());
    }
}
