package io.paasruntime.spi.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A tenant: owns users and apps. */
public record Tenant(UUID id, String name, Instant createdAt) {
    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
