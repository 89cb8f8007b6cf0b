package io.paasruntime.core;

import io.paasruntime.core.accounts.Accounts;
import io.paasruntime.core.addons.Addons;
import io.paasruntime.core.addons.CredentialCipher;
import io.paasruntime.core.apps.Apps;
import io.paasruntime.core.audit.Audit;
import io.paasruntime.core.config.ConfigVars;
import io.paasruntime.core.idempotency.Idempotency;
import io.paasruntime.core.processes.Processes;
import io.paasruntime.core.providers.HostContext;
import io.paasruntime.core.providers.Port;
import io.paasruntime.core.providers.ProviderRegistry;
import io.paasruntime.core.providers.ProviderSetupException;
import io.paasruntime.core.providers.RuntimeSettings;
import io.paasruntime.core.releases.Deploys;
import io.paasruntime.core.releases.Rollouts;
import io.paasruntime.core.secrets.ConfigSealer;
import io.paasruntime.core.secrets.SealedConfigStore;
import io.paasruntime.core.secrets.SecretCipher;
import io.paasruntime.core.secrets.StartupKeyCheck;
import io.paasruntime.core.telemetry.Telemetry;
import io.paasruntime.core.support.AppLocks;
import io.paasruntime.core.support.IdGenerator;
import io.paasruntime.core.support.StripedExecutor;
import io.paasruntime.core.support.UuidV7Generator;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.ProviderFactory;
import io.paasruntime.spi.database.DatabaseProvider;
import io.paasruntime.spi.identity.IdentityProvider;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.store.StateStore;
import io.paasruntime.spi.telemetry.LogSource;
import io.paasruntime.spi.telemetry.MetricSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A whole runtime assembled from config with plain constructors: the providers each port names
 * (found by the {@link ProviderRegistry}) and the use cases on top of them. This is the entry point
 * for programs that embed PaaS Runtime; the bundled server wraps one.
 *
 * <p>{@link #start} creates the store first, then the other providers (which may use it), then
 * brings every live app back to its current release. {@link #close} stops them in reverse order.
 */
public final class PaasRuntime implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PaasRuntime.class.getName());

    /**
     * @param dataDir      where the embedded providers keep their files
     * @param providersDir extra provider jars ({@code <dataDir>/providers} when empty)
     * @param settings     config file values and environment
     */
    public record Options(Path dataDir, Optional<Path> providersDir, RuntimeSettings settings, Clock clock) {
        public Options {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(providersDir, "providersDir");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(clock, "clock");
        }

        public static Options defaults(Path dataDir) {
            return new Options(dataDir, Optional.empty(), RuntimeSettings.empty(), Clock.systemUTC());
        }
    }

    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    private final java.util.Map<String, String> providerIds = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final ProviderRegistry registry;
    private final Clock clock;
    private StateStore store;
    private IdentityProvider identity;
    private Orchestrator orchestrator;
    private Optional<LogSource> logs = Optional.empty();
    private Optional<MetricSource> metrics = Optional.empty();
    private Optional<DatabaseProvider> databases = Optional.empty();
    private IdGenerator ids;
    private AppLocks locks;
    private Audit audit;
    private Rollouts rollouts;
    private Accounts accounts;
    private Apps apps;
    private Deploys deploys;
    private Processes processes;
    private ConfigVars configVars;
    private Idempotency idempotency;
    private Addons addons;
    private Telemetry telemetry;
    private ScheduledExecutorService maintenance;

    private PaasRuntime(ProviderRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Creates the providers and use cases and resumes every live app. */
    public static PaasRuntime start(Options options) {
        try {
            Files.createDirectories(options.dataDir());
        } catch (IOException e) {
            throw new ProviderSetupException("cannot create the data directory " + options.dataDir() + ": " + e.getMessage(), e);
        }
        Path providersDir = options.providersDir().orElse(options.dataDir().resolve("providers"));
        ProviderRegistry registry = ProviderRegistry.create(Optional.of(providersDir));
        PaasRuntime runtime = new PaasRuntime(registry, options.clock());
        runtime.closeables.push(registry);
        try {
            runtime.assemble(options);
            return runtime;
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    private void assemble(Options options) {
        RuntimeSettings settings = options.settings();
        HostContext context = HostContext.beforeStore(options.dataDir().toAbsolutePath(), clock);
        StateStore stored = create(Port.STORE, settings, context);
        // one key seals add-on credentials and config vars; everything from here on, providers included,
        // sees the store through the decorator, so no config var value reaches it in plain text
        SecretCipher key = StartupKeyCheck.key(stored, settings.value("addons", "encryption-key"), options.dataDir());
        store = new SealedConfigStore(stored, new ConfigSealer(key));
        context = context.withStore(store);
        identity = create(Port.IDENTITY, settings, context);
        orchestrator = create(Port.ORCHESTRATION, settings, context);
        logs = createOptional(Port.LOGS, settings, context);
        metrics = createOptional(Port.METRICS, settings, context);
        databases = createDatabases(settings, context);

        ids = new UuidV7Generator(clock);
        locks = new AppLocks();
        audit = new Audit(store, clock, ids);
        StripedExecutor statusEvents = new StripedExecutor("release-status", 4);
        closeables.push(statusEvents);
        rollouts = new Rollouts(store, orchestrator, locks, clock, ids, statusEvents);
        accounts = new Accounts(identity, store, audit, clock);
        apps = new Apps(store, orchestrator, rollouts, audit, locks, clock, ids);
        long maxArtifact = settings.value("deploys", "max-artifact-bytes").map(Long::parseLong).orElse(100L * 1024 * 1024);
        deploys = new Deploys(store, apps, rollouts, audit, maxArtifact);
        processes = new Processes(store, apps, orchestrator, locks, audit);
        configVars = new ConfigVars(store, apps, rollouts, locks, audit);
        idempotency = new Idempotency(store, clock, key);
        Optional<Addons.Backend> addonBackend = databases.map(d -> new Addons.Backend(providerIds.get(Port.DATABASES.section()),
                d, new CredentialCipher(key)));
        addons = new Addons(store, apps, configVars, locks, audit, clock, ids, addonBackend);
        rollouts.onPurge(addons::deprovisionAll);
        telemetry = new Telemetry(apps, logs, metrics, clock);

        boolean reconciled = store.exclusively("reconcile", () -> {
            rollouts.reconcile();
            return Boolean.TRUE;
        }).isPresent();
        if (!reconciled) {
            // another runtime on this store is reconciling: still bring back what our orchestrator runs
            store.apps().listAllLive().forEach(rollouts::resume);
        }
        startMaintenance();
    }

    private void startMaintenance() {
        maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "paas-maintenance");
            t.setDaemon(true);
            return t;
        });
        maintenance.scheduleWithFixedDelay(() -> {
            try {
                int purged = apps.purgeExpired();
                int expired = idempotency.expire();
                if (purged > 0 || expired > 0) {
                    LOG.info("maintenance: purged " + purged + " deleted app(s), forgot " + expired + " idempotency key(s)");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "maintenance failed: " + e.getMessage());
            }
        }, 1, Duration.ofHours(1).toSeconds(), TimeUnit.SECONDS);
    }

    private <P extends AutoCloseable, F extends ProviderFactory<P>> P create(Port<F> port, RuntimeSettings settings,
                                                                            HostContext context) {
        F factory = registry.select(port, settings.providerId(port));
        return instantiate(port, factory, settings, context);
    }

    private <P extends AutoCloseable, F extends ProviderFactory<P>> Optional<P> createOptional(
            Port<F> port, RuntimeSettings settings, HostContext context) {
        if (settings.providerNamed(port)) {
            return Optional.of(create(port, settings, context));
        }
        return registry.find(port, port.defaultId()).map(f -> instantiate(port, f, settings, context));
    }

    /**
     * The databases port is optional: when the config names no provider and the default one has no
     * server to work on (an external store and no {@code databases.admin-url}), add-ons are off rather
     * than the runtime refusing to start.
     */
    private Optional<DatabaseProvider> createDatabases(RuntimeSettings settings, HostContext context) {
        try {
            return createOptional(Port.DATABASES, settings, context);
        } catch (ProviderSetupException e) {
            if (settings.providerNamed(Port.DATABASES) || !(e.getCause() instanceof ProviderException p)
                    || p.kind() != ProviderException.Kind.INVALID) {
                throw e;
            }
            LOG.warning("database add-ons are off: " + e.getMessage());
            return Optional.empty();
        }
    }

    private <P extends AutoCloseable, F extends ProviderFactory<P>> P instantiate(Port<F> port, F factory,
                                                                                 RuntimeSettings settings,
                                                                                 HostContext context) {
        try {
            P provider = factory.create(settings.providerConfig(port, factory.configKeys()), context);
            closeables.push(provider);
            providerIds.put(port.section(), factory.id());
            LOG.info(port.section() + " provider: " + factory.id());
            return provider;
        } catch (ProviderException e) {
            throw new ProviderSetupException(port.section() + " provider '" + factory.id() + "' cannot start: "
                    + e.getMessage(), e);
        }
    }

    /** The state store as the core sees it: config var values plain here, sealed in the provider's store. */
    public StateStore store() {
        return store;
    }

    public IdentityProvider identity() {
        return identity;
    }

    public Orchestrator orchestrator() {
        return orchestrator;
    }

    public Optional<LogSource> logs() {
        return logs;
    }

    public Optional<MetricSource> metrics() {
        return metrics;
    }

    public Optional<DatabaseProvider> databases() {
        return databases;
    }

    public Clock clock() {
        return clock;
    }

    public IdGenerator ids() {
        return ids;
    }

    public AppLocks locks() {
        return locks;
    }

    public Audit audit() {
        return audit;
    }

    public Rollouts rollouts() {
        return rollouts;
    }

    public Accounts accounts() {
        return accounts;
    }

    public Apps apps() {
        return apps;
    }

    public Deploys deploys() {
        return deploys;
    }

    public Processes processes() {
        return processes;
    }

    public ConfigVars configVars() {
        return configVars;
    }

    public Idempotency idempotency() {
        return idempotency;
    }

    /** Database add-ons; they answer {@code unavailable} when no databases provider is configured. */
    public Addons addons() {
        return addons;
    }

    /** Logs and metrics; they answer {@code unavailable} when no such provider is configured. */
    public Telemetry telemetry() {
        return telemetry;
    }

    /** Which provider serves each port, e.g. {@code store → jdbc}; ports without a provider are absent. */
    public java.util.Map<String, String> providerIds() {
        return java.util.Collections.unmodifiableMap(providerIds);
    }

    public ProviderRegistry registry() {
        return registry;
    }

    /** Stops the providers in reverse order of creation: the orchestrator's processes first, the store last. */
    @Override
    public void close() {
        if (maintenance != null) {
            maintenance.shutdownNow();
        }
        while (!closeables.isEmpty()) {
            AutoCloseable c = closeables.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing " + c.getClass().getName() + " failed: " + e.getMessage());
            }
        }
    }
}
