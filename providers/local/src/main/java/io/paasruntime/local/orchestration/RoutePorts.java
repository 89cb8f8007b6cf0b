package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderException;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * Each app's router port, chosen once from {@code router.port-range} and kept in
 * {@code routes.properties} ({@code <appId>=<port>}), so an app's {@code web_url} survives restarts
 * of the app and of the server. Freed only when the app is purged. Thread-safe.
 */
final class RoutePorts {
    private final PortRange range;
    private final AppNumbers ports;

    RoutePorts(Path file, PortRange range) {
        this.range = range;
        this.ports = new AppNumbers(file, "router port of each app (web_url = http://127.0.0.1:<port>)");
    }

    synchronized Optional<Integer> existing(UUID appId) {
        return Optional.ofNullable(ports.all().get(appId));
    }

    /** The app's port, choosing and saving one the first time. */
    synchronized int portFor(UUID appId) {
        Integer known = ports.all().get(appId);
        if (known != null) {
            return known;
        }
        for (int port = range.first(); port <= range.last(); port++) {
            if (!ports.all().containsValue(port) && ProcessPorts.isFree(port)) {
                ports.put(appId, port);
                return port;
            }
        }
        throw ProviderException.unavailable("no free port left in orchestration.router.port-range " + range, null);
    }

    /** Chooses and saves a new port for the app, because its old one is taken by another program. */
    synchronized int reassign(UUID appId) {
        ports.all().remove(appId);
        return portFor(appId);
    }

    synchronized void release(UUID appId) {
        ports.remove(appId);
    }
}
