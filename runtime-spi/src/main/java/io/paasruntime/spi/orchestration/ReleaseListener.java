package io.paasruntime.spi.orchestration;

import io.paasruntime.spi.store.ReleaseStatus;

import java.util.Optional;
import java.util.UUID;

/** Receives a release's progress from the orchestrator. Called on the orchestrator's threads; must not block long. */
@FunctionalInterface
public interface ReleaseListener {
    /**
     * @param status {@code RUNNING}, {@code SUCCEEDED} or {@code FAILED}
     * @param reason why, for {@code FAILED}
     */
    void onStatus(UUID releaseId, ReleaseStatus status, Optional<String> reason);
}
