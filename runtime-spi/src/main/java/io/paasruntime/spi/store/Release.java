package io.paasruntime.spi.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A numbered, immutable snapshot of what an app runs: source, process commands and config.
 * Only {@code status} and {@code statusReason} change after creation. {@link #toString()} hides config values.
 *
 * @param source     {@code sha256:<hex>} of an artifact or an image reference
 * @param sourceKind {@code artifact} or {@code image}
 * @param processes  process type → command
 * @param config     config vars in force for this release
 * @param rollbackOf the version this release copies, when it is a rollback
 */
public record Release(UUID id, UUID appId, int version, ReleaseStatus status, Optional<String> statusReason,
                      String sourceKind, String source, Map<String, String> processes, Map<String, String> config,
                      Optional<String> description, Optional<Integer> rollbackOf, Instant createdAt, String createdBy) {
    public Release {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusReason, "statusReason");
        Objects.requireNonNull(sourceKind, "sourceKind");
        Objects.requireNonNull(source, "source");
        processes = Map.copyOf(processes);
        config = Map.copyOf(config);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(rollbackOf, "rollbackOf");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
    }

    public Release withStatus(ReleaseStatus newStatus, Optional<String> reason) {
        return new Release(id, appId, version, newStatus, reason, sourceKind, source, processes, config, description,
                rollbackOf, createdAt, createdBy);
    }

    @Override
    public String toString() {
        return "Release[app=" + appId + ", v" + version + ", " + status + ", " + sourceKind + " " + source
                + ", processes=" + processes.keySet() + ", config keys=" + config.keySet() + "]";
    }
}
