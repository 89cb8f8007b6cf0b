package io.paasruntime.spi.telemetry;

import io.paasruntime.spi.ProviderFactory;

/** Factory of {@link LogSource}s; config section {@code logs}. */
public interface LogSourceFactory extends ProviderFactory<LogSource> {
}
