package io.paasruntime.local.identity;

import io.paasruntime.spi.identity.IdentityProvider;
import io.paasruntime.spi.store.StateStore;
import io.paasruntime.tck.identity.IdentityProviderContractTest;
import io.paasruntime.tck.store.InMemoryStateStore;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

class LocalIdentityProviderContractTest extends IdentityProviderContractTest {
    private final Map<IdentityProvider, StateStore> stores = new ConcurrentHashMap<>();

    @Override
    protected IdentityProvider newProvider(Clock clock) {
        StateStore store = new InMemoryStateStore();
        IdentityProvider provider = LocalIdentityProviders.create(store, clock);
        stores.put(provider, store);
        return provider;
    }

    @Override
    protected IdentityProvider newProviderForAudience(IdentityProvider sibling, String audience, Clock clock) {
        return LocalIdentityProviders.create(stores.get(sibling), clock, Map.of("audience", audience));
    }
}
