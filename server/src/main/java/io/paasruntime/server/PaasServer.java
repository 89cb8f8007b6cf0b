package io.paasruntime.server;

import io.helidon.webserver.WebServer;
import io.paasruntime.core.PaasRuntime;
import io.paasruntime.server.http.ApiRouting;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

/** A started server: the runtime and the web server in front of it. {@link #close} stops both, web server first. */
public final class PaasServer implements AutoCloseable {
    private final PaasRuntime runtime;
    private final WebServer webServer;
    private final ApiRouting routing;
    private final String host;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PaasServer(PaasRuntime runtime, WebServer webServer, ApiRouting routing, String host) {
        this.runtime = runtime;
        this.webServer = webServer;
        this.routing = routing;
        this.host = host;
    }

    /** Starts the runtime (providers, app processes) and then the web server. */
    public static PaasServer start(ServerOptions options) {
        ServerComponent component = DaggerServerComponent.factory().create(options);
        PaasRuntime runtime = component.runtime();
        try {
            WebServer server = component.webServer().start();
            return new PaasServer(runtime, server, component.routing(), options.host());
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    public int port() {
        return webServer.port();
    }

    public URI baseUri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port());
    }

    public PaasRuntime runtime() {
        return runtime;
    }

    public ApiRouting routing() {
        return routing;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            webServer.stop();
            runtime.close();
        }
    }
}
