package io.paasruntime.spi.store;

import java.util.Optional;
import java.util.function.Function;

/**
 * The runtime's durable state.
 *
 * <p>Lifecycle: created first at start-up (other providers may read it through
 * {@link io.paasruntime.spi.ProviderContext#stateStore()}), closed last.
 * Threading: thread-safe; each repository call runs in its own transaction unless made inside
 * {@link #transaction}.
 */
public interface StateStore extends AutoCloseable {

    TenantRepository tenants();

    UserRepository users();

    AppRepository apps();

    ReleaseRepository releases();

    AppSettingsRepository settings();

    AddonRepository addons();

    AuditRepository audit();

    IdempotencyRepository idempotency();

    SigningKeyRepository signingKeys();

    /**
     * Runs {@code work} in one transaction: the store handed to it binds every repository call to
     * that transaction. Commits when {@code work} returns, rolls back when it throws.
     */
    <T> T transaction(Function<StateStore, T> work);

    /**
     * Runs {@code job} only if no other runtime sharing this store is running a job of the same
     * name right now (a cluster-wide lock). Returns empty when the lock was held elsewhere.
     */
    <T> Optional<T> exclusively(String jobName, java.util.function.Supplier<T> job);

    /**
     * The PostgreSQL server this store started itself, if it runs on the embedded one; the host
     * offers it to other providers through {@link io.paasruntime.spi.ProviderContext#embeddedPostgres()}.
     */
    default Optional<io.paasruntime.spi.ProviderContext.PostgresServer> embeddedServer() {
        return Optional.empty();
    }

    @Override
    void close();
}
