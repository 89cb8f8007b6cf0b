package io.paasruntime.store.jdbc;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.store.Page;
import io.paasruntime.spi.store.Release;
import io.paasruntime.spi.store.ReleaseRepository;
import io.paasruntime.spi.store.ReleaseStatus;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Releases in PostgreSQL; {@code release_high_water} remembers the highest version each app had.
 * Every write tells {@code changes} once it is done, failed or not.
 */
final class JdbcReleases implements ReleaseRepository {
    private final SqlRunner sql;
    private final RowChanges changes;

    JdbcReleases(SqlRunner sql, RowChanges changes) {
        this.sql = sql;
        this.changes = changes;
    }

    @Override
    public void insert(Release release) {
        try {
            sql.run(ReleaseMapper.class, m -> {
                m.insert(ReleaseMapper.Row.of(release));
                m.raiseHighWater(release.appId(), release.version());
            });
        } finally {
            changes.releaseChanged(release.id());
        }
    }

    @Override
    public int maxVersion(UUID appId) {
        return sql.call(ReleaseMapper.class, m -> m.maxVersion(appId));
    }

    @Override
    public Optional<Release> findById(UUID appId, UUID releaseId) {
        return sql.call(ReleaseMapper.class, m -> m.findById(appId, releaseId)).map(ReleaseMapper.Row::toRelease);
    }

    @Override
    public Optional<Release> findByVersion(UUID appId, int version) {
        return sql.call(ReleaseMapper.class, m -> m.findByVersion(appId, version)).map(ReleaseMapper.Row::toRelease);
    }

    @Override
    public Page<Release, Integer> list(UUID appId, Optional<Integer> beforeVersion, int limit) {
        int fetch = Pages.fetchSize(limit);
        List<Release> releases = sql.call(ReleaseMapper.class, m -> m.list(appId, beforeVersion.orElse(null), fetch))
                .stream().map(ReleaseMapper.Row::toRelease).toList();
        return Pages.of(releases, limit, Release::version);
    }

    @Override
    public List<Release> listByStatus(List<ReleaseStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        String[] names = statuses.stream().map(ReleaseStatus::wireName).toArray(String[]::new);
        return sql.call(ReleaseMapper.class, m -> m.listByStatus(names)).stream()
                .map(ReleaseMapper.Row::toRelease).toList();
    }

    @Override
    public void updateStatus(UUID releaseId, ReleaseStatus status, Optional<String> reason) {
        int updated;
        try {
            updated = sql.call(ReleaseMapper.class, m -> m.updateStatus(releaseId, status.wireName(), reason.orElse(null)));
        } finally {
            changes.releaseChanged(releaseId);
        }
        if (updated == 0) {
            throw ProviderException.notFound("release " + releaseId + " not found");
        }
    }
}
