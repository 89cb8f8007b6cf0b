package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.Page;
import io.paasruntime.spi.store.Release;
import io.paasruntime.spi.store.ReleaseRepository;
import io.paasruntime.spi.store.ReleaseStatus;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The per-call store's releases: a lookup by id (an app's current release, on every app view) goes
 * through the {@link ReadCache}; everything else goes to the database.
 */
final class CachedReleases implements ReleaseRepository {
    private final ReleaseRepository database;
    private final ReadCache cache;

    CachedReleases(ReleaseRepository database, ReadCache cache) {
        this.database = database;
        this.cache = cache;
    }

    @Override
    public Optional<Release> findById(UUID appId, UUID releaseId) {
        Optional<Release> cached = cache.release(appId, releaseId);
        if (cached.isPresent()) {
            return cached;
        }
        long stamp = cache.stamp();
        Optional<Release> found = database.findById(appId, releaseId);
        found.ifPresent(release -> cache.putRelease(stamp, release));
        return found;
    }

    @Override
    public void insert(Release release) {
        database.insert(release);
    }

    @Override
    public int maxVersion(UUID appId) {
        return database.maxVersion(appId);
    }

    @Override
    public Optional<Release> findByVersion(UUID appId, int version) {
        return database.findByVersion(appId, version);
    }

    @Override
    public Page<Release, Integer> list(UUID appId, Optional<Integer> beforeVersion, int limit) {
        return database.list(appId, beforeVersion, limit);
    }

    @Override
    public List<Release> listByStatus(List<ReleaseStatus> statuses) {
        return database.listByStatus(statuses);
    }

    @Override
    public void updateStatus(UUID releaseId, ReleaseStatus status, Optional<String> reason) {
        database.updateStatus(releaseId, status, reason);
    }
}
