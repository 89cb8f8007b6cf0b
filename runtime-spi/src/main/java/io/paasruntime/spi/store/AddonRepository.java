package io.paasruntime.spi.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Add-ons; names are unique per tenant. */
public interface AddonRepository {
    /** @throws io.paasruntime.spi.ProviderException {@code CONFLICT} when the tenant has an add-on of that name */
    void insert(Addon addon);

    Optional<Addon> findById(UUID tenantId, UUID id);

    /** The app's add-ons, oldest first. */
    List<Addon> listByApp(UUID appId);

    void updateStatus(UUID id, String status);

    void delete(UUID id);
}
