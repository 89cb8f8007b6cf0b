package io.paasruntime.local.telemetry;

import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.telemetry.MetricKind;
import io.paasruntime.spi.telemetry.MetricSource;
import io.paasruntime.tck.telemetry.MetricSourceContractTest;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The local metric source passes the metrics contract, samples recorded as the sampler records them. */
class LocalMetricSourceContractTest extends MetricSourceContractTest {
    private final LocalMetricStore store = new LocalMetricStore();
    private final LocalProcessTable table = new LocalProcessTable();

    @Override
    protected MetricSource newSource() {
        return new LocalMetricSource(store, table, Clock.systemUTC(), Optional.empty());
    }

    @Override
    protected void emit(AppRef app, String process, String instance, MetricKind kind, Instant at, double value) {
        String slot = "v1-" + instance + "-1";
        switch (kind) {
            case CPU -> store.record(app.appId(), process, slot, at, value, Double.NaN);
            case MEMORY -> store.record(app.appId(), process, slot, at, Double.NaN, value);
            case RESTARTS -> {
                for (int i = 0; i < value; i++) {
                    table.restarted(app.appId(), process, instance, at);
                }
            }
            case REQUESTS -> store.recordRequests(app.appId(), at, (long) value); // the router's count: process web
        }
    }
}
