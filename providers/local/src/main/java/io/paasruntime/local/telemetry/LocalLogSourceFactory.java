package io.paasruntime.local.telemetry;

import io.paasruntime.spi.ConfigKey;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderContext;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.SpiVersion;
import io.paasruntime.spi.telemetry.LogSource;
import io.paasruntime.spi.telemetry.LogSourceFactory;

import java.util.List;

/**
 * Creates the {@code local} log source (config section {@code logs}), reading what the local
 * orchestrator captures into {@code <dataDir>/local/logs/<appId>/}:
 * <ul>
 *   <li>{@code retention.lines} ({@code 100000}): lines kept per app, the oldest dropped first;</li>
 *   <li>{@code retention.bytes} ({@code 67108864}, 64 MiB): bytes of records kept per app.</li>
 * </ul>
 */
public final class LocalLogSourceFactory implements LogSourceFactory {
    public static final String ID = "local";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(
                ConfigKey.of("retention.lines", Long.toString(LogRetention.DEFAULT_LINES), "log lines kept per app (oldest dropped first)"),
                ConfigKey.of("retention.bytes", Long.toString(LogRetention.DEFAULT_BYTES), "bytes of log kept per app on disk (oldest dropped first)"));
    }

    @Override
    public LogSource create(ProviderConfig config, ProviderContext context) {
        long lines = config.getLong("retention.lines");
        long bytes = config.getLong("retention.bytes");
        if (lines < 1) {
            throw ProviderException.invalid("logs.retention.lines", "logs.retention.lines must be at least 1");
        }
        if (bytes < 1024) {
            throw ProviderException.invalid("logs.retention.bytes", "logs.retention.bytes must be at least 1024");
        }
        LocalLogStore store = LocalLogStore.shared(context);
        store.retention(new LogRetention(lines, bytes));
        return new LocalLogSource(store);
    }
}
