package io.paasruntime.tck.store;

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

import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A complete {@link StateStore} kept in memory: a test double for provider tests that must not
 * depend on the real {@code jdbc} store. It follows the repository contracts of the SPI
 * (conflicts as {@code ProviderException} {@code CONFLICT}, live-name uniqueness per tenant,
 * case-insensitive emails, keyset pages whose {@code next} is set only when more rows exist).
 *
 * <p>Threading: one global lock serialises every repository call. {@link #transaction} holds that
 * lock for the whole unit of work and restores a snapshot taken at its start when the work throws,
 * so transactions are all-or-nothing and fully isolated. {@link #exclusively} uses one lock per job
 * name, like the cluster-wide lock of the real store.
 */
public final class InMemoryStateStore implements StateStore {

    /** UUIDs in PostgreSQL's order (unsigned, byte by byte), not {@link UUID#compareTo}'s signed order. */
    static final Comparator<UUID> UUID_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentHashMap<String, ReentrantLock> jobLocks = new ConcurrentHashMap<>();
    private MemoryTables tables = new MemoryTables();

    private final TenantRepository tenants = new InMemoryTenants(this);
    private final UserRepository users = new InMemoryUsers(this);
    private final AppRepository apps = new InMemoryApps(this);
    private final ReleaseRepository releases = new InMemoryReleases(this);
    private final AppSettingsRepository settings = new InMemorySettings(this);
    private final AddonRepository addons = new InMemoryAddons(this);
    private final AuditRepository audit = new InMemoryAudit(this);
    private final IdempotencyRepository idempotency = new InMemoryIdempotency(this);
    private final SigningKeyRepository signingKeys = new InMemorySigningKeys(this);

    /** Runs one repository operation under the global lock. */
    <T> T locked(Function<MemoryTables, T> operation) {
        lock.lock();
        try {
            return operation.apply(tables);
        } finally {
            lock.unlock();
        }
    }

    /** Whether some thread waits for the global lock (lets tests prove isolation without sleeping). */
    boolean lockWaitedFor() {
        return lock.hasQueuedThreads();
    }

    @Override
    public TenantRepository tenants() {
        return tenants;
    }

    @Override
    public UserRepository users() {
        return users;
    }

    @Override
    public AppRepository apps() {
        return apps;
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
        return addons;
    }

    @Override
    public AuditRepository audit() {
        return audit;
    }

    @Override
    public IdempotencyRepository idempotency() {
        return idempotency;
    }

    @Override
    public SigningKeyRepository signingKeys() {
        return signingKeys;
    }

    @Override
    public <T> T transaction(Function<StateStore, T> work) {
        lock.lock();
        MemoryTables before = tables.snapshot();
        try {
            return work.apply(this);
        } catch (RuntimeException | Error e) {
            tables = before;
            throw e;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> Optional<T> exclusively(String jobName, Supplier<T> job) {
        ReentrantLock jobLock = jobLocks.computeIfAbsent(jobName, name -> new ReentrantLock());
        if (!jobLock.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(job.get());
        } finally {
            jobLock.unlock();
        }
    }

    @Override
    public void close() {
        // Nothing to release: the data simply goes away with the object.
    }
}
