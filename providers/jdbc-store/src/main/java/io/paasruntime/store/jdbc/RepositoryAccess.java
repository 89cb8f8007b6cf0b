package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.AddonRepository;
import io.paasruntime.spi.store.AppRepository;
import io.paasruntime.spi.store.AppSettingsRepository;
import io.paasruntime.spi.store.AuditRepository;
import io.paasruntime.spi.store.IdempotencyRepository;
import io.paasruntime.spi.store.ReleaseRepository;
import io.paasruntime.spi.store.SigningKeyRepository;
import io.paasruntime.spi.store.StateStore;
import io.paasruntime.spi.store.TenantRepository;
import io.paasruntime.spi.store.UserRepository;

/** The repository getters shared by the store and its transaction views. */
abstract sealed class RepositoryAccess implements StateStore permits JdbcStateStore, TransactionView {
    private final Repositories repositories;

    RepositoryAccess(Repositories repositories) {
        this.repositories = repositories;
    }

    @Override
    public TenantRepository tenants() {
        return repositories.tenants();
    }

    @Override
    public UserRepository users() {
        return repositories.users();
    }

    @Override
    public AppRepository apps() {
        return repositories.apps();
    }

    @Override
    public ReleaseRepository releases() {
        return repositories.releases();
    }

    @Override
    public AppSettingsRepository settings() {
        return repositories.settings();
    }

    @Override
    public AddonRepository addons() {
        return repositories.addons();
    }

    @Override
    public AuditRepository audit() {
        return repositories.audit();
    }

    @Override
    public IdempotencyRepository idempotency() {
        return repositories.idempotency();
    }

    @Override
    public SigningKeyRepository signingKeys() {
        return repositories.signingKeys();
    }
}
