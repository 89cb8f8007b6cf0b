package io.paasruntime.examples.loadavg;

import io.paasruntime.spi.ConfigKey;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderContext;
import io.paasruntime.spi.SpiVersion;
import io.paasruntime.spi.telemetry.MetricSource;
import io.paasruntime.spi.telemetry.MetricSourceFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * An example provider built as its own jar: metrics from the host's load average. Drop the jar into
 * the runtime's providers folder and set {@code metrics.provider: loadavg} — no rebuild of the server.
 */
public final class LoadAverageMetricsFactory implements MetricSourceFactory {
    public static final String ID = "loadavg";

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
        return List.of(ConfigKey.of("file", "/proc/loadavg", "where the kernel publishes the load average"));
    }

    @Override
    public MetricSource create(ProviderConfig config, ProviderContext context) {
        return new LoadAverageMetrics(Path.of(config.require("file")), context.clock());
    }
}
