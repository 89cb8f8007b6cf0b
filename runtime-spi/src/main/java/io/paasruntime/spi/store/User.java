package io.paasruntime.spi.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A user of a tenant. {@code passwordHash} is set only for users the local identity provider
 * manages. {@link #toString()} hides the hash.
 */
public record User(UUID id, UUID tenantId, String email, Optional<String> passwordHash, Instant createdAt) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", tenantId=" + tenantId + ", email=" + email + "]";
    }
}
