package io.paasruntime.server;

import dagger.Module;
import dagger.Provides;
import io.helidon.http.DirectHandler;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.DirectHandlers;
import io.paasruntime.core.PaasRuntime;
import io.paasruntime.core.accounts.Accounts;
import io.paasruntime.core.apps.Apps;
import io.paasruntime.core.config.ConfigVars;
import io.paasruntime.core.idempotency.Idempotency;
import io.paasruntime.core.processes.Processes;
import io.paasruntime.core.releases.Deploys;
import io.paasruntime.server.api.AppsService;
import io.paasruntime.server.api.AuthService;
import io.paasruntime.server.api.ConfigService;
import io.paasruntime.server.api.DeploysService;
import io.paasruntime.server.api.HealthService;
import io.paasruntime.server.api.ProcessesService;
import io.paasruntime.server.http.ApiRouting;
import io.paasruntime.server.http.BearerAuthentication;
import io.paasruntime.server.http.EndpointPipeline;
import io.paasruntime.server.http.ErrorMapper;
import io.paasruntime.server.http.Json;
import io.paasruntime.server.http.RateLimits;
import io.paasruntime.server.openapi.OpenApiService;
import io.paasruntime.spi.identity.IdentityProvider;
import jakarta.inject.Singleton;

import java.util.List;

/** The server's object graph: the runtime from the options, the HTTP pieces on top of it, the web server. */
@Module
final class ServerModule {
    private ServerModule() {
    }

    @Provides
    @Singleton
    static PaasRuntime runtime(ServerOptions options) {
        return PaasRuntime.start(new PaasRuntime.Options(options.dataDir(), options.providersDir(), options.settings(),
                options.clock()));
    }

    @Provides
    static Accounts accounts(PaasRuntime runtime) {
        return runtime.accounts();
    }

    @Provides
    static IdentityProvider identity(PaasRuntime runtime) {
        return runtime.identity();
    }

    @Provides
    static Apps apps(PaasRuntime runtime) {
        return runtime.apps();
    }

    @Provides
    static Deploys deploys(PaasRuntime runtime) {
        return runtime.deploys();
    }

    @Provides
    static Processes processes(PaasRuntime runtime) {
        return runtime.processes();
    }

    @Provides
    static ConfigVars configVars(PaasRuntime runtime) {
        return runtime.configVars();
    }

    @Provides
    static io.paasruntime.core.telemetry.Telemetry telemetry(PaasRuntime runtime) {
        return runtime.telemetry();
    }

    @Provides
    static Idempotency idempotency(PaasRuntime runtime) {
        return runtime.idempotency();
    }

    @Provides
    @Singleton
    static Json json() {
        return new Json();
    }

    @Provides
    @Singleton
    static ErrorMapper errorMapper(Json json, ServerOptions options) {
        return new ErrorMapper(json, options.clock());
    }

    @Provides
    @Singleton
    static EndpointPipeline pipeline(Accounts accounts, Idempotency idempotency, Json json, ServerOptions options) {
        RateLimits limits = new RateLimits(options.authenticatedPerMinute(), options.anonymousPerMinute(),
                options.clock());
        return new EndpointPipeline(new BearerAuthentication(accounts), limits, idempotency, json);
    }

    @Provides
    @Singleton
    static ApiRouting routing(HealthService health, AuthService auth, AppsService apps, DeploysService deploys,
                              ProcessesService processes, ConfigService config, OpenApiService openApi,
                              ErrorMapper errors, io.paasruntime.server.api.AddonsService addons,
                              io.paasruntime.server.api.LogsService logs, io.paasruntime.server.api.MetricsService metrics) {
        return new ApiRouting(List.of(health, auth, apps, deploys, processes, config, addons, logs, metrics, openApi), errors);
    }

    @Provides
    @Singleton
    static WebServer webServer(ServerOptions options, ApiRouting routing, ErrorMapper errors) {
        DirectHandlers.Builder direct = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            direct.addHandler(type, errors);
        }
        return WebServer.builder()
                .host(options.host())
                .port(options.port())
                .shutdownHook(false)
                .featuresDiscoverServices(false)
                .directHandlers(direct.build())
                .routing(r -> {
                    r.register(new io.paasruntime.server.dashboard.DashboardService());
                    r.register(new io.paasruntime.server.openapi.DocsService());
                    routing.configure(r);
                })
                .build();
    }
}
