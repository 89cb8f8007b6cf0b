package io.paasruntime.local.telemetry;

import io.paasruntime.spi.ConfigKey;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderContext;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.SpiVersion;
import io.paasruntime.spi.telemetry.MetricSource;
import io.paasruntime.spi.telemetry.MetricSourceFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Creates the {@code local} metric source (config section {@code metrics}): samples the process
 * groups of the instances the local orchestrator runs from {@code /proc}, and the request counts of
 * the apps' routers.
 * <ul>
 *   <li>{@code interval} ({@code 5s}): time between two samples (1s to 5m).</li>
 * </ul>
 * Samples are kept in memory (raw for an hour, one-minute averages, or sums of requests, for seven
 * days) and restarts for seven days; a restart of the server starts the history afresh.
 */
public final class LocalMetricSourceFactory implements MetricSourceFactory {
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
        return List.of(ConfigKey.of("interval", "5s", "time between two /proc samples of each instance"));
    }

    @Override
    public MetricSource create(ProviderConfig config, ProviderContext context) {
        Duration interval = config.getDuration("interval");
        if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofMinutes(5)) > 0) {
            throw ProviderException.invalid("metrics.interval", "metrics.interval must be between 1s and 5m");
        }
        return new LocalMetricSource(new LocalMetricStore(), LocalProcessTable.shared(context), context.clock(),
                Optional.of(interval));
    }
}
