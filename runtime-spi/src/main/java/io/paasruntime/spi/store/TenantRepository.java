package io.paasruntime.spi.store;

import java.util.Optional;
import java.util.UUID;

/** Tenants. */
public interface TenantRepository {
    /** @throws io.paasruntime.spi.ProviderException {@code CONFLICT} when the name is taken */
    void insert(Tenant tenant);

    Optional<Tenant> findById(UUID id);

    Optional<Tenant> findByName(String name);

    void delete(UUID id);
}
