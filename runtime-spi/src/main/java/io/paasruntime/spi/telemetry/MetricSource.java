package io.paasruntime.spi.telemetry;

import io.paasruntime.spi.orchestration.AppRef;

import java.time.Duration;

/**
 * Reads an app's metric series.
 *
 * <p>Lifecycle: created once at start-up, closed at shutdown. Threading: thread-safe.
 */
public interface MetricSource extends AutoCloseable {

    /** One series per process type over the last {@code range}, in buckets of {@code step}. */
    MetricSeries series(AppRef app, MetricKind kind, Duration range, Duration step);

    @Override
    default void close() {
    }
}
