package io.paasruntime.server;

import dagger.BindsInstance;
import dagger.Component;
import io.helidon.webserver.WebServer;
import io.paasruntime.core.PaasRuntime;
import io.paasruntime.server.http.ApiRouting;
import jakarta.inject.Singleton;

/** Dagger's entry point: {@code DaggerServerComponent.factory().create(options)}. */
@Singleton
@Component(modules = ServerModule.class)
public interface ServerComponent {
    PaasRuntime runtime();

    ApiRouting routing();

    WebServer webServer();

    @Component.Factory
    interface Factory {
        ServerComponent create(@BindsInstance ServerOptions options);
    }
}
