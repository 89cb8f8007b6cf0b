package io.paasruntime.signoz;

import io.paasruntime.spi.ConfigKey;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderContext;
import io.paasruntime.spi.SpiVersion;
import io.paasruntime.spi.telemetry.MetricKind;
import io.paasruntime.spi.telemetry.MetricSource;
import io.paasruntime.spi.telemetry.MetricSourceFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the {@code signoz} metric source (config section {@code metrics}): the keys of
 * {@link SigNozSettings#commonKeys()} plus the metric read for each kind, by default the
 * OpenTelemetry Kubernetes metrics: {@code metric.cpu} ({@code k8s.pod.cpu.utilization}, cores),
 * {@code metric.memory} ({@code k8s.pod.memory.working_set}, bytes), {@code metric.restarts}
 * ({@code k8s.container.restarts}, a running count) and {@code metric.requests} (unset: no series).
 */
public final class SigNozMetricSourceFactory implements MetricSourceFactory {
    public static final String ID = "signoz";

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
        List<ConfigKey> keys = new ArrayList<>(SigNozSettings.commonKeys());
        keys.add(ConfigKey.of("metric.cpu", "k8s.pod.cpu.utilization", "metric of CPU use, in cores"));
        keys.add(ConfigKey.of("metric.memory", "k8s.pod.memory.working_set", "metric of memory use, in bytes"));
        keys.add(ConfigKey.of("metric.restarts", "k8s.container.restarts", "metric counting container restarts"));
        keys.add(ConfigKey.optional("metric.requests", "metric counting requests served (unset: no requests series)"));
        return keys;
    }

    @Override
    public MetricSource create(ProviderConfig config, ProviderContext context) {
        SigNozSettings settings = SigNozSettings.from(config);
        Map<MetricKind, String> names = new EnumMap<>(MetricKind.class);
        names.put(MetricKind.CPU, SigNozSettings.attribute(config, "metric.cpu"));
        names.put(MetricKind.MEMORY, SigNozSettings.attribute(config, "metric.memory"));
        names.put(MetricKind.RESTARTS, SigNozSettings.attribute(config, "metric.restarts"));
        if (config.get("metric.requests").isPresent()) {
            names.put(MetricKind.REQUESTS, SigNozSettings.attribute(config, "metric.requests"));
        }
        return new SigNozMetricSource(new SigNozClient(settings), settings, names, context.clock());
    }
}
