package io.paasruntime.tck;

import io.paasruntime.spi.ProviderContext;
import io.paasruntime.spi.store.StateStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A {@link ProviderContext} for provider tests: a data directory (usually a JUnit temp dir), a clock
 * the test may control (see {@link MutableClock}) and, optionally, a state store (see
 * {@link io.paasruntime.tck.store.InMemoryStateStore}). Shared objects live in a map owned by this
 * context, so two providers created with the same context share them as they would in a runtime.
 *
 * @param sharedObjects type → the one object of that type; use the three-argument constructor
 */
public record TestProviderContext(Path dataDir, Clock clock, Optional<StateStore> stateStore,
                                  Map<Class<?>, Object> sharedObjects) implements ProviderContext {

    public TestProviderContext {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(stateStore, "stateStore");
        Objects.requireNonNull(sharedObjects, "sharedObjects");
    }

    public TestProviderContext(Path dataDir, Clock clock, Optional<StateStore> stateStore) {
        this(dataDir, clock, stateStore, new ConcurrentHashMap<>());
    }

    /** A context without a state store, on the system clock. */
    public static TestProviderContext of(Path dataDir) {
        return new TestProviderContext(dataDir, Clock.systemUTC(), Optional.empty());
    }

    /** A context with a state store. */
    public static TestProviderContext withStore(Path dataDir, Clock clock, StateStore store) {
        return new TestProviderContext(dataDir, clock, Optional.of(store));
    }

    @Override
    public <T> T shared(Class<T> type, Supplier<? extends T> create) {
        return type.cast(sharedObjects.computeIfAbsent(type, key -> create.get()));
    }
}
