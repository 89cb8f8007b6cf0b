package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.AddonRepository;
import io.paasruntime.spi.store.AppRepository;
import io.paasruntime.spi.store.AppSettingsRepository;
import io.paasruntime.spi.store.AuditRepository;
import io.paasruntime.spi.store.IdempotencyRepository;
import io.paasruntime.spi.store.ReleaseRepository;
import io.paasruntime.spi.store.SigningKeyRepository;
import io.paasruntime.spi.store.TenantRepository;
import io.paasruntime.spi.store.UserRepository;

/** Every repository, all reaching the database through one {@link SqlRunner}. */
record Repositories(TenantRepository tenants, UserRepository users, AppRepository apps, ReleaseRepository releases,
                    AppSettingsRepository settings, AddonRepository addons, AuditRepository audit,
                    IdempotencyRepository idempotency, SigningKeyRepository signingKeys) {

    /** Repositories whose writes of cached rows are told to {@code changes}. */
    static Repositories over(SqlRunner sql, RowChanges changes) {
        return new Repositories(new JdbcTenants(sql, changes), new JdbcUsers(sql), new JdbcApps(sql, changes),
                new JdbcReleases(sql, changes), new JdbcSettings(sql), new JdbcAddons(sql), new JdbcAudit(sql),
                new JdbcIdempotency(sql), new JdbcSigningKeys(sql));
    }

    /** These repositories with single apps and releases looked up through {@code cache} first. */
    Repositories readingThrough(ReadCache cache) {
        return new Repositories(tenants, users, new CachedApps(apps, cache), new CachedReleases(releases, cache),
                settings, addons, audit, idempotency, signingKeys);
    }
}
