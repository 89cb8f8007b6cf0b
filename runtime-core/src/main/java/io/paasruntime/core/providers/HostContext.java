package io.paasruntime.core.providers;

import io.paasruntime.spi.ProviderContext;
import io.paasruntime.spi.store.StateStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The {@link ProviderContext} the runtime hands its providers. */
public record HostContext(Path dataDir, Clock clock, Optional<StateStore> store,
                          Map<Class<?>, Object> sharedObjects) implements ProviderContext {

    public static HostContext beforeStore(Path dataDir, Clock clock) {
        return new HostContext(dataDir, clock, Optional.empty(), new ConcurrentHashMap<>());
    }

    public HostContext withStore(StateStore store) {
        return new HostContext(dataDir, clock, Optional.of(store), sharedObjects);
    }

    @Override
    public Optional<StateStore> stateStore() {
        return store;
    }

    @Override
    public Optional<PostgresServer> embeddedPostgres() {
        return store.flatMap(StateStore::embeddedServer);
    }

    @Override
    public <T> T shared(Class<T> type, Supplier<? extends T> create) {
        return type.cast(sharedObjects.computeIfAbsent(type, t -> create.get()));
    }
}
