package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.App;
import io.paasruntime.spi.store.AppRepository;
import io.paasruntime.spi.store.Page;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The per-call store's apps: lookups of one app by id or live name go through the {@link ReadCache};
 * listings and writes go to the database (whose writes invalidate the cache themselves).
 */
final class CachedApps implements AppRepository {
    private final AppRepository database;
    private final ReadCache cache;

    CachedApps(AppRepository database, ReadCache cache) {
        this.database = database;
        this.cache = cache;
    }

    @Override
    public Optional<App> findById(UUID tenantId, UUID id) {
        Optional<App> cached = cache.app(tenantId, id);
        if (cached.isPresent()) {
            return cached;
        }
        long stamp = cache.stamp();
        Optional<App> found = database.findById(tenantId, id);
        found.ifPresent(app -> cache.putApp(stamp, app));
        return found;
    }

    @Override
    public Optional<App> findLiveByName(UUID tenantId, String name) {
        Optional<App> cached = cache.liveApp(tenantId, name);
        if (cached.isPresent()) {
            return cached;
        }
        long stamp = cache.stamp();
        Optional<App> found = database.findLiveByName(tenantId, name);
        found.ifPresent(app -> cache.putApp(stamp, app));
        return found;
    }

    @Override
    public void insert(App app) {
        database.insert(app);
    }

    @Override
    public void update(App app) {
        database.update(app);
    }

    @Override
    public Page<App, UUID> list(UUID tenantId, boolean deleted, Optional<UUID> afterId, int limit) {
        return database.list(tenantId, deleted, afterId, limit);
    }

    @Override
    public List<App> listAllLive() {
        return database.listAllLive();
    }

    @Override
    public List<App> listDeletedBefore(Instant cutoff) {
        return database.listDeletedBefore(cutoff);
    }

    @Override
    public void purge(UUID id) {
        database.purge(id);
    }
}
