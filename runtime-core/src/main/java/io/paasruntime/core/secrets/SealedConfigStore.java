package io.paasruntime.core.secrets;

import io.paasruntime.spi.ProviderContext;
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

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A state store whose config var values are encrypted at rest, whatever the store provider: the
 * app's current config vars and every release's config snapshot are sealed on the way in and opened
 * on the way out ({@link ConfigSealer}), so everything above it (the core, the providers it hands
 * the store to, the orchestrator's environment) sees plain values and the store underneath never
 * holds one. The local identity provider's token-signing keys are sealed the same way
 * ({@link SealedSigningKeys}). Everything else passes through. Thread-safe if the store underneath is.
 */
public final class SealedConfigStore implements StateStore {
    private final StateStore stored;
    private final ConfigSealer sealer;
    private final AppSettingsRepository settings;
    private final ReleaseRepository releases;
    private final SigningKeyRepository signingKeys;

    public SealedConfigStore(StateStore stored, ConfigSealer sealer) {
        this.stored = stored;
        this.sealer = sealer;
        this.settings = new SealedSettings(stored.settings(), sealer);
        this.releases = new SealedReleases(stored.releases(), sealer);
        this.signingKeys = new SealedSigningKeys(stored.signingKeys(), sealer.cipher());
    }

    @Override
    public TenantRepository tenants() {
        return stored.tenants();
    }

    @Override
    public UserRepository users() {
        return stored.users();
    }

    @Override
    public AppRepository apps() {
        return stored.apps();
    }

    @Override
    public ReleaseRepository releases() {
        return releases;
    }

    @Override
    public AppSettingsRepository settings() {
        return settings;
    }

    @Override
    public AddonRepository addons() {
        return stored.addons();
    }

    @Override
    public AuditRepository audit() {
        return stored.audit();
    }

    @Override
    public IdempotencyRepository idempotency() {
        return stored.idempotency();
    }

    @Override
    public SigningKeyRepository signingKeys() {
        return signingKeys;
    }

    /** The transaction's store is sealed too, so writes inside a transaction are no way around it. */
    @Override
    public <T> T transaction(Function<StateStore, T> work) {
        return stored.transaction(tx -> work.apply(tx == stored ? this : new SealedConfigStore(tx, sealer)));
    }

    @Override
    public <T> Optional<T> exclusively(String jobName, Supplier<T> job) {
        return stored.exclusively(jobName, job);
    }

    @Override
    public Optional<ProviderContext.PostgresServer> embeddedServer() {
        return stored.embeddedServer();
    }

    @Override
    public void close() {
        stored.close();
    }
}
