package io.paasruntime.core.providers;

import io.paasruntime.spi.ProviderFactory;
import io.paasruntime.spi.database.DatabaseProviderFactory;
import io.paasruntime.spi.identity.IdentityProviderFactory;
import io.paasruntime.spi.orchestration.OrchestratorFactory;
import io.paasruntime.spi.store.StateStoreFactory;
import io.paasruntime.spi.telemetry.LogSourceFactory;
import io.paasruntime.spi.telemetry.MetricSourceFactory;

import java.util.List;

/**
 * A port of the runtime: its config section, the factory type that serves it and the provider id
 * used when the config names none.
 */
public record Port<F extends ProviderFactory<?>>(String section, Class<F> factoryType, String defaultId) {
    public static final Port<StateStoreFactory> STORE = new Port<>("store", StateStoreFactory.class, "jdbc");
    public static final Port<IdentityProviderFactory> IDENTITY =
            new Port<>("identity", IdentityProviderFactory.class, "local");
    public static final Port<OrchestratorFactory> ORCHESTRATION =
            new Port<>("orchestration", OrchestratorFactory.class, "local");
    public static final Port<LogSourceFactory> LOGS = new Port<>("logs", LogSourceFactory.class, "local");
    public static final Port<MetricSourceFactory> METRICS = new Port<>("metrics", MetricSourceFactory.class, "local");
    public static final Port<DatabaseProviderFactory> DATABASES =
            new Port<>("databases", DatabaseProviderFactory.class, "postgres");

    public static List<Port<?>> all() {
        return List.of(STORE, IDENTITY, ORCHESTRATION, LOGS, METRICS, DATABASES);
    }
}
