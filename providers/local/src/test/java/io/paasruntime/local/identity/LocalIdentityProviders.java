package io.paasruntime.local.identity;

import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.identity.IdentityProvider;
import io.paasruntime.spi.store.StateStore;
import io.paasruntime.tck.TestProviderContext;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Builds local identity providers for tests, through the factory as the runtime does. */
final class LocalIdentityProviders {
    /** Real Argon2id, but cheap enough that a test run does not spend seconds hashing. */
    static final Map<String, String> FAST_ARGON2 = Map.of("argon2.memory-kib", "1024", "argon2.iterations", "1");

    private LocalIdentityProviders() {
    }

    static IdentityProvider create(StateStore store, Clock clock, Map<String, String> settings) {
        Map<String, String> raw = new HashMap<>(FAST_ARGON2);
        raw.putAll(settings);
        var factory = new LocalIdentityProviderFactory();
        ProviderConfig config = ProviderConfig.of("identity", raw, factory.configKeys());
        return factory.create(config, TestProviderContext.withStore(Path.of("unused"), clock, store));
    }

    static IdentityProvider create(StateStore store, Clock clock) {
        return create(store, clock, Map.of());
    }
}
