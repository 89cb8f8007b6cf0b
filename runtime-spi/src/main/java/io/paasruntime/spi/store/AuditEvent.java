package io.paasruntime.spi.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Who did what to which resource, when, from which request. {@code detail} is a short
 * human-readable note that never holds secret values.
 */
public record AuditEvent(UUID id, UUID tenantId, String actor, String action, String resourceType,
                         String resourceId, String requestId, Instant at, String detail) {
    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
    }
}
