package io.paasruntime.tck.store;

import io.paasruntime.spi.store.IdempotencyRepository;
import io.paasruntime.spi.store.IdempotentResponse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Remembered POST answers of an {@link InMemoryStateStore}, keyed by scope and key. */
final class InMemoryIdempotency implements IdempotencyRepository {
    private final InMemoryStateStore store;

    InMemoryIdempotency(InMemoryStateStore store) {
        this.store = store;
    }

    @Override
    public Optional<IdempotentResponse> find(String scope, String key) {
        return store.locked(t -> Optional.ofNullable(t.idempotency.get(List.of(scope, key))));
    }

    @Override
    public boolean insertIfAbsent(IdempotentResponse response) {
        return store.locked(t -> t.idempotency.putIfAbsent(List.of(response.scope(), response.key()), response) == null);
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        return store.locked(t -> {
            int before = t.idempotency.size();
            t.idempotency.values().removeIf(r -> r.createdAt().isBefore(cutoff));
            return before - t.idempotency.size();
        });
    }
}
