package io.paasruntime.spi.database;

import java.util.Objects;
import java.util.UUID;

/** A database to create for an add-on. */
public record DatabaseRequest(UUID addonId, String appName, String addonName, String plan) {
    public DatabaseRequest {
        Objects.requireNonNull(addonId, "addonId");
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(addonName, "addonName");
        Objects.requireNonNull(plan, "plan");
    }
}
