package io.paasruntime.spi.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Apps. Names are unique among a tenant's live (not deleted) apps. Listings are ordered by id. */
public interface AppRepository {
    /** @throws io.paasruntime.spi.ProviderException {@code CONFLICT} when a live app of the tenant has the name */
    void insert(App app);

    /** Replaces every field but id and tenant. @throws io.paasruntime.spi.ProviderException {@code CONFLICT} on a name clash, {@code NOT_FOUND} if gone */
    void update(App app);

    /** The app of this tenant with this id, deleted or not. */
    Optional<App> findById(UUID tenantId, UUID id);

    /** The live app of this tenant with this name. */
    Optional<App> findLiveByName(UUID tenantId, String name);

    /** The tenant's apps after {@code afterId} (exclusive), live or soft-deleted ones. */
    Page<App, UUID> list(UUID tenantId, boolean deleted, Optional<UUID> afterId, int limit);

    /** Every live app of every tenant (start-up reconciliation). */
    List<App> listAllLive();

    /** Apps soft-deleted before {@code cutoff} (the purge job). */
    List<App> listDeletedBefore(Instant cutoff);

    /** Removes the app and everything it owns (releases, settings, add-on rows). */
    void purge(UUID id);
}
