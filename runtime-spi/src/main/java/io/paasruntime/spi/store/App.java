package io.paasruntime.spi.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An app of a tenant.
 *
 * @param currentReleaseId the release serving now (the newest that succeeded), if any
 * @param deletedAt        set while soft-deleted
 */
public record App(UUID id, UUID tenantId, String name, String region, Instant createdAt, Instant updatedAt,
                  Optional<Instant> deletedAt, Optional<UUID> currentReleaseId) {
    public App {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(deletedAt, "deletedAt");
        Objects.requireNonNull(currentReleaseId, "currentReleaseId");
    }

    public boolean deleted() {
        return deletedAt.isPresent();
    }
}
