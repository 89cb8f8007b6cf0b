package io.paasruntime.spi.database;

import io.paasruntime.spi.ProviderFactory;

/** Factory of {@link DatabaseProvider}s; config section {@code databases}. */
public interface DatabaseProviderFactory extends ProviderFactory<DatabaseProvider> {
}
