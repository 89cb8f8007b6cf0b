package io.paasruntime.spi.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A database attached to an app. {@code credentials} is ciphertext produced by the core; it is
 * never shown in listings. {@link #toString()} leaves it out.
 *
 * @param externalRef the provider's handle for the database (e.g. its database name)
 * @param configVar   the config var its URL is injected as
 */
public record Addon(UUID id, UUID tenantId, UUID appId, String kind, String name, String plan, String status,
                    String configVar, String provider, String externalRef, String credentials, Instant createdAt) {
    public Addon {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(configVar, "configVar");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(externalRef, "externalRef");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public Addon withStatus(String newStatus) {
        return new Addon(id, tenantId, appId, kind, name, plan, newStatus, configVar, provider, externalRef,
                credentials, createdAt);
    }

    @Override
    public String toString() {
        return "Addon[id=" + id + ", app=" + appId + ", name=" + name + ", plan=" + plan + ", status=" + status + "]";
    }
}
