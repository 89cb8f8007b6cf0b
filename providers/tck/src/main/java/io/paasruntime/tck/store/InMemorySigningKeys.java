package io.paasruntime.tck.store;

import io.paasruntime.spi.store.SigningKey;
import io.paasruntime.spi.store.SigningKeyRepository;

import java.util.Comparator;
import java.util.List;

/** Signing keys of an {@link InMemoryStateStore}, listed newest first. */
final class InMemorySigningKeys implements SigningKeyRepository {
    private final InMemoryStateStore store;

    InMemorySigningKeys(InMemoryStateStore store) {
        this.store = store;
    }

    @Override
    public List<SigningKey> list() {
        return store.locked(t -> t.signingKeys.values().stream()
                .sorted(Comparator.comparing(SigningKey::createdAt).thenComparing(SigningKey::keyId).reversed())
                .toList());
    }

    @Override
    public boolean insertIfAbsent(SigningKey key) {
        return store.locked(t -> t.signingKeys.putIfAbsent(key.keyId(), key) == null);
    }
}
