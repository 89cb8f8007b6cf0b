package io.paasruntime.tck.store;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.store.Tenant;
import io.paasruntime.spi.store.TenantRepository;

import java.util.Optional;
import java.util.UUID;

/** Tenants of an {@link InMemoryStateStore}; names are unique. */
final class InMemoryTenants implements TenantRepository {
    private final InMemoryStateStore store;

    InMemoryTenants(InMemoryStateStore store) {
        this.store = store;
    }

    @Override
    public void insert(Tenant tenant) {
        store.locked(t -> {
            if (t.tenants.containsKey(tenant.id())) {
                throw ProviderException.conflict("a tenant with this id already exists");
            }
            if (t.tenants.values().stream().anyMatch(other -> other.name().equals(tenant.name()))) {
                throw ProviderException.conflict("a tenant named " + tenant.name() + " already exists");
            }
            t.tenants.put(tenant.id(), tenant);
            return null;
        });
    }

    @Override
    public Optional<Tenant> findById(UUID id) {
        return store.locked(t -> Optional.ofNullable(t.tenants.get(id)));
    }

    @Override
    public Optional<Tenant> findByName(String name) {
        return store.locked(t -> t.tenants.values().stream().filter(x -> x.name().equals(name)).findFirst());
    }

    @Override
    public void delete(UUID id) {
        store.locked(t -> t.tenants.remove(id));
    }
}
