package io.paasruntime.server;

import io.helidon.webserver.WebServer;
import io.paasruntime.core.PaasRuntime;
import io.paasruntime.server.http.ApiRouting;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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

    /**
     * Starts the runtime (providers, app processes) and then the web server.
     *
     * @throws IllegalStateException when the address cannot be listened on (checked before the runtime
     *                               starts its apps, so a taken port costs nothing)
     */
    public static PaasServer start(ServerOptions options) {
        if (options.port() != 0) {
            checkCanListen(options.host(), options.port());
        }
        ServerComponent component = DaggerServerComponent.factory().create(options);
        PaasRuntime runtime = component.runtime();
        try {
            WebServer server = component.webServer().start();
            // Helidon logs a failed bind and returns a stopped server rather than throwing
            if (!server.isRunning() || server.port() < 0) {
                throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port());
            }
            return new PaasServer(runtime, server, component.routing(), options.host());
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    private static void checkCanListen(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
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
