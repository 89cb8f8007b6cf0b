package io.paasruntime.store.jdbc;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.store.App;
import io.paasruntime.spi.store.AppRepository;
import io.paasruntime.spi.store.Page;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Apps in PostgreSQL; a partial unique index keeps live names unique per tenant. Every write tells
 * {@code changes} once it is done, failed or not (a failed write may still have been applied).
 */
final class JdbcApps implements AppRepository {
    private final SqlRunner sql;
    private final RowChanges changes;

    JdbcApps(SqlRunner sql, RowChanges changes) {
        this.sql = sql;
        this.changes = changes;
    }

    @Override
    public void insert(App app) {
        try {
            sql.run(AppMapper.class, m -> m.insert(AppMapper.Row.of(app)));
        } finally {
            changes.appChanged(app.id());
        }
    }

    @Override
    public void update(App app) {
        int updated;
        try {
            updated = sql.call(AppMapper.class, m -> m.update(AppMapper.Row.of(app)));
        } finally {
            changes.appChanged(app.id());
        }
        if (updated == 0) {
            throw ProviderException.notFound("app " + app.id() + " not found");
        }
    }

    @Override
    public Optional<App> findById(UUID tenantId, UUID id) {
        return sql.call(AppMapper.class, m -> m.findById(tenantId, id)).map(AppMapper.Row::toApp);
    }

    @Override
    public Optional<App> findLiveByName(UUID tenantId, String name) {
        return sql.call(AppMapper.class, m -> m.findLiveByName(tenantId, name)).map(AppMapper.Row::toApp);
    }

    @Override
    public Page<App, UUID> list(UUID tenantId, boolean deleted, Optional<UUID> afterId, int limit) {
        int fetch = Pages.fetchSize(limit);
        List<App> apps = sql.call(AppMapper.class, m -> m.list(tenantId, deleted, afterId.orElse(null), fetch))
                .stream().map(AppMapper.Row::toApp).toList();
        return Pages.of(apps, limit, App::id);
    }

    @Override
    public List<App> listAllLive() {
        return sql.call(AppMapper.class, AppMapper::listAllLive).stream().map(AppMapper.Row::toApp).toList();
    }

    @Override
    public List<App> listDeletedBefore(Instant cutoff) {
        return sql.call(AppMapper.class, m -> m.listDeletedBefore(cutoff)).stream().map(AppMapper.Row::toApp).toList();
    }

    @Override
    public void purge(UUID id) {
        try {
            sql.run(AppMapper.class, m -> m.purge(id));
        } finally {
            changes.appPurged(id);
        }
    }
}
