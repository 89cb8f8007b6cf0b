package io.paasruntime.server;

import io.paasruntime.core.providers.RuntimeSettings;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the server is started with.
 *
 * @param port          0 picks any free port
 * @param fileSettings  the config file flattened to {@code section.key} strings
 * @param env           environment variables ({@code RUNTIME_<SECTION>_<KEY>} override the file)
 */
public record ServerOptions(String host, int port, Path dataDir, Optional<Path> providersDir,
                            Map<String, String> fileSettings, Map<String, String> env, Clock clock) {
    public static final int DEFAULT_AUTHENTICATED_PER_MINUTE = 600;
    public static final int DEFAULT_ANONYMOUS_PER_MINUTE = 30;

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(providersDir, "providersDir");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
        fileSettings = Map.copyOf(fileSettings);
        env = Map.copyOf(env);
    }

    /** Loopback, any free port, no config file, no environment, the system clock: for tests and embedding. */
    public static ServerOptions forDataDir(Path dataDir, Map<String, String> fileSettings) {
        return new ServerOptions("127.0.0.1", 0, dataDir, Optional.empty(), fileSettings, Map.of(), Clock.systemUTC());
    }

    public ServerOptions withClock(Clock newClock) {
        return new ServerOptions(host, port, dataDir, providersDir, fileSettings, env, newClock);
    }

    public RuntimeSettings settings() {
        return new RuntimeSettings(fileSettings, env);
    }

    /** {@code server.rate-limit.authenticated}: requests per minute per token. */
    public int authenticatedPerMinute() {
        return positiveInt("rate-limit.authenticated", DEFAULT_AUTHENTICATED_PER_MINUTE);
    }

    /** {@code server.rate-limit.anonymous}: requests per minute per source address on the open routes. */
    public int anonymousPerMinute() {
        return positiveInt("rate-limit.anonymous", DEFAULT_ANONYMOUS_PER_MINUTE);
    }

    private int positiveInt(String key, int fallback) {
        Optional<String> value = settings().value("server", key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.get().trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("server." + key + " must be a positive integer, not '" + value.get() + "'");
    }
}
