package io.paasruntime.core.secrets;

import io.paasruntime.spi.store.Page;
import io.paasruntime.spi.store.Release;
import io.paasruntime.spi.store.ReleaseRepository;
import io.paasruntime.spi.store.ReleaseStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Releases whose config snapshot is sealed in the store underneath and plain above it. */
final class SealedReleases implements ReleaseRepository {
    private final ReleaseRepository stored;
    private final ConfigSealer sealer;

    SealedReleases(ReleaseRepository stored, ConfigSealer sealer) {
        this.stored = stored;
        this.sealer = sealer;
    }

    @Override
    public void insert(Release release) {
        stored.insert(withConfig(release, sealer.seal(release.appId(), release.config())));
    }

    @Override
    public int maxVersion(UUID appId) {
        return stored.maxVersion(appId);
    }

    @Override
    public Optional<Release> findById(UUID appId, UUID releaseId) {
        return stored.findById(appId, releaseId).map(this::opened);
    }

    @Override
    public Optional<Release> findByVersion(UUID appId, int version) {
        return stored.findByVersion(appId, version).map(this::opened);
    }

    @Override
    public Page<Release, Integer> list(UUID appId, Optional<Integer> beforeVersion, int limit) {
        Page<Release, Integer> page = stored.list(appId, beforeVersion, limit);
        return new Page<>(page.items().stream().map(this::opened).toList(), page.next());
    }

    @Override
    public List<Release> listByStatus(List<ReleaseStatus> statuses) {
        return stored.listByStatus(statuses).stream().map(this::opened).toList();
    }

    @Override
    public void updateStatus(UUID releaseId, ReleaseStatus status, Optional<String> reason) {
        stored.updateStatus(releaseId, status, reason);
    }

    private Release opened(Release release) {
        return withConfig(release, sealer.open(release.appId(), release.config()));
    }

    private static Release withConfig(Release r, Map<String, String> config) {
        return new Release(r.id(), r.appId(), r.version(), r.status(), r.statusReason(), r.sourceKind(), r.source(),
                r.processes(), config, r.description(), r.rollbackOf(), r.createdAt(), r.createdBy());
    }
}
