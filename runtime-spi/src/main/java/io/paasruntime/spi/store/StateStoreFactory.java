package io.paasruntime.spi.store;

import io.paasruntime.spi.ProviderFactory;

/** Factory of {@link StateStore}s; config section {@code store}. */
public interface StateStoreFactory extends ProviderFactory<StateStore> {
}
