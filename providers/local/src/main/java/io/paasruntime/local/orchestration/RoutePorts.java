package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderException;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Each app's router port, chosen once from {@code router.port-range} and kept in
 * {@code routes.properties} ({@code <appId>=<port>}), so an app's {@code web_url} survives restarts
 * of the app and of the server. Freed only when the app is purged. Thread-safe.
 */
final class RoutePorts {
    private final Path file;
    private final PortRange range;
    private final Map<UUID, Integer> ports = new TreeMap<>();

    RoutePorts(Path file, PortRange range) {
        this.file = file;
        this.range = range;
        load();
    }

    synchronized Optional<Integer> existing(UUID appId) {
        return Optional.ofNullable(ports.get(appId));
    }

    /** The app's port, choosing and saving one the first time. */
    synchronized int portFor(UUID appId) {
        Integer known = ports.get(appId);
        if (known != null) {
            return known;
        }
        for (int port = range.first(); port <= range.last(); port++) {
            if (!ports.containsValue(port) && ProcessPorts.isFree(port)) {
                ports.put(appId, port);
                save();
                return port;
            }
        }
        throw ProviderException.unavailable("no free port left in orchestration.router.port-range " + range, null);
    }

    /** Chooses and saves a new port for the app, because its old one is taken by another program. */
    synchronized int reassign(UUID appId) {
        ports.remove(appId);
        return portFor(appId);
    }

    synchronized void release(UUID appId) {
        if (ports.remove(appId) != null) {
            save();
        }
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw ProviderException.internal("cannot read " + file + ": " + e.getMessage(), e);
        }
        props.forEach((key, value) -> {
            try {
                ports.put(UUID.fromString(key.toString()), Integer.parseInt(value.toString().trim()));
            } catch (IllegalArgumentException e) {
                // a hand-edited line that is not appId=port: skip it rather than refuse to start
            }
        });
    }

    private void save() {
        Properties props = new Properties();
        ports.forEach((app, port) -> props.setProperty(app.toString(), port.toString()));
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temp)) {
                props.store(out, "router port of each app (web_url = http://127.0.0.1:<port>)");
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw ProviderException.internal("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
