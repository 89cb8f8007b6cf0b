package io.paasruntime.local.telemetry;

import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.telemetry.MetricKind;
import io.paasruntime.spi.telemetry.MetricSeries;
import io.paasruntime.spi.telemetry.MetricSource;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The {@code local} metric source: series from the {@link LocalMetricStore}, which a daemon thread
 * fills from {@code /proc} every interval while the source is open. Thread-safe.
 */
final class LocalMetricSource implements MetricSource {
    private final LocalMetricStore store;
    private final LocalProcessTable table;
    private final Clock clock;
    private final Optional<ScheduledExecutorService> sampling;

    /** A source whose samples come from elsewhere (tests), or from a sampler when {@code interval} is given. */
    LocalMetricSource(LocalMetricStore store, LocalProcessTable table, Clock clock, Optional<Duration> interval) {
        this.store = store;
        this.table = table;
        this.clock = clock;
        this.sampling = interval.map(every -> {
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "local-metrics-sampler");
                t.setDaemon(true);
                return t;
            });
            MetricSampler sampler = new MetricSampler(table, store, ProcStats.ofThisMachine(), clock);
            scheduler.scheduleAtFixedRate(sampler, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
            return scheduler;
        });
    }

    @Override
    public MetricSeries series(AppRef app, MetricKind kind, Duration range, Duration step) {
        return store.series(app.appId(), kind, range, step, clock.instant(), table);
    }

    @Override
    public void close() {
        sampling.ifPresent(ScheduledExecutorService::shutdownNow);
    }
}
