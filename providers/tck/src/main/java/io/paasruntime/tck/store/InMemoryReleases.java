package io.paasruntime.tck.store;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.store.Page;
import io.paasruntime.spi.store.Release;
import io.paasruntime.spi.store.ReleaseRepository;
import io.paasruntime.spi.store.ReleaseStatus;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Releases of an {@link InMemoryStateStore}; versions are unique per app and never reused. */
final class InMemoryReleases implements ReleaseRepository {
    private final InMemoryStateStore store;

    InMemoryReleases(InMemoryStateStore store) {
        this.store = store;
    }

    @Override
    public void insert(Release release) {
        store.locked(t -> {
            if (t.releases.containsKey(release.id())) {
                throw ProviderException.conflict("a release with this id already exists");
            }
            boolean taken = t.releases.values().stream()
                    .anyMatch(r -> r.appId().equals(release.appId()) && r.version() == release.version());
            if (taken) {
                throw ProviderException.conflict("the app already has release v" + release.version());
            }
            t.releases.put(release.id(), release);
            t.releaseHighWater.merge(release.appId(), release.version(), Math::max);
            return null;
        });
    }

    @Override
    public int maxVersion(UUID appId) {
        return store.locked(t -> t.releaseHighWater.getOrDefault(appId, 0));
    }

    @Override
    public Optional<Release> findById(UUID appId, UUID releaseId) {
        return store.locked(t -> Optional.ofNullable(t.releases.get(releaseId)).filter(r -> r.appId().equals(appId)));
    }

    @Override
    public Optional<Release> findByVersion(UUID appId, int version) {
        return store.locked(t -> t.releases.values().stream()
                .filter(r -> r.appId().equals(appId) && r.version() == version)
                .findFirst());
    }

    @Override
    public Page<Release, Integer> list(UUID appId, Optional<Integer> beforeVersion, int limit) {
        if (limit < 1) {
            throw ProviderException.invalid("limit", "limit must be at least 1");
        }
        return store.locked(t -> {
            List<Release> matching = t.releases.values().stream()
                    .filter(r -> r.appId().equals(appId))
                    .filter(r -> beforeVersion.isEmpty() || r.version() < beforeVersion.get())
                    .sorted(Comparator.comparingInt(Release::version).reversed())
                    .limit(limit + 1L)
                    .toList();
            if (matching.size() > limit) {
                List<Release> items = matching.subList(0, limit);
                return new Page<>(items, Optional.of(items.get(limit - 1).version()));
            }
            return new Page<>(matching, Optional.empty());
        });
    }

    @Override
    public List<Release> listByStatus(List<ReleaseStatus> statuses) {
        return store.locked(t -> t.releases.values().stream()
                .filter(r -> statuses.contains(r.status()))
                .sorted(Comparator.comparing(Release::createdAt).thenComparingInt(Release::version))
                .toList());
    }

    @Override
    public void updateStatus(UUID releaseId, ReleaseStatus status, Optional<String> reason) {
        store.locked(t -> {
            Release existing = t.releases.get(releaseId);
            if (existing == null) {
                throw ProviderException.notFound("release " + releaseId + " not found");
            }
            t.releases.put(releaseId, existing.withStatus(status, reason));
            return null;
        });
    }
}
