package io.paasruntime.spi.telemetry;

import io.paasruntime.spi.ProviderFactory;

/** Factory of {@link MetricSource}s; config section {@code metrics}. */
public interface MetricSourceFactory extends ProviderFactory<MetricSource> {
}
