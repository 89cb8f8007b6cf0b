package io.paasruntime.spi.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Releases of an app; versions are unique per app and never reused. Listings are newest first. */
public interface ReleaseRepository {
    /** @throws io.paasruntime.spi.ProviderException {@code CONFLICT} when the app already has this version */
    void insert(Release release);

    /** The highest version the app ever had (0 for none), counting purged-over releases too. */
    int maxVersion(UUID appId);

    Optional<Release> findById(UUID appId, UUID releaseId);

    Optional<Release> findByVersion(UUID appId, int version);

    /** Releases with a version below {@code beforeVersion} (exclusive), newest first. */
    Page<Release, Integer> list(UUID appId, Optional<Integer> beforeVersion, int limit);

    /** Releases in any of the given states, across all apps (reconciliation after a restart). */
    List<Release> listByStatus(List<ReleaseStatus> statuses);

    void updateStatus(UUID releaseId, ReleaseStatus status, Optional<String> reason);
}
