package io.paasruntime.spi.orchestration;

import java.util.Objects;
import java.util.UUID;

/** Which app an orchestration or telemetry call is about. */
public record AppRef(UUID tenantId, UUID appId, String appName) {
    public AppRef {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(appName, "appName");
    }
}
