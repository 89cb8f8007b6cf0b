package io.paasruntime.tck.store;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.store.Addon;
import io.paasruntime.spi.store.AddonRepository;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Add-ons of an {@link InMemoryStateStore}; names are unique per tenant. */
final class InMemoryAddons implements AddonRepository {
    private final InMemoryStateStore store;

    InMemoryAddons(InMemoryStateStore store) {
        this.store = store;
    }

    @Override
    public void insert(Addon addon) {
        store.locked(t -> {
            if (t.addons.containsKey(addon.id())) {
                throw ProviderException.conflict("an add-on with this id already exists");
            }
            boolean clash = t.addons.values().stream()
                    .anyMatch(a -> a.tenantId().equals(addon.tenantId()) && a.name().equals(addon.name()));
            if (clash) {
                throw ProviderException.conflict("an add-on named " + addon.name() + " already exists");
            }
            t.addons.put(addon.id(), addon);
            return null;
        });
    }

    @Override
    public Optional<Addon> findById(UUID tenantId, UUID id) {
        return store.locked(t -> Optional.ofNullable(t.addons.get(id)).filter(a -> a.tenantId().equals(tenantId)));
    }

    @Override
    public List<Addon> listByApp(UUID appId) {
        return store.locked(t -> t.addons.values().stream()
                .filter(a -> a.appId().equals(appId))
                .sorted(Comparator.comparing(Addon::createdAt).thenComparing(Addon::id, InMemoryStateStore.UUID_ORDER))
                .toList());
    }

    @Override
    public void updateStatus(UUID id, String status) {
        store.locked(t -> {
            Addon existing = t.addons.get(id);
            if (existing == null) {
                throw ProviderException.notFound("add-on " + id + " not found");
            }
            t.addons.put(id, existing.withStatus(status));
            return null;
        });
    }

    @Override
    public void delete(UUID id) {
        store.locked(t -> t.addons.remove(id));
    }
}
