package io.paasruntime.spi.identity;

import java.util.Objects;
import java.util.UUID;

/** A user and the tenant they belong to, as created by signup. */
public record Account(UUID userId, String email, UUID tenantId, String tenantName) {
    public Account {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(tenantName, "tenantName");
    }
}
