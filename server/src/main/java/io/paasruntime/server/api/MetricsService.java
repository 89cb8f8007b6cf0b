package io.paasruntime.server.api;

import io.paasruntime.core.telemetry.MetricsView;
import io.paasruntime.core.telemetry.Telemetry;
import io.paasruntime.server.http.ApiService;
import io.paasruntime.server.http.Endpoint;
import io.paasruntime.server.http.EndpointPipeline;
import io.paasruntime.server.http.Reply;
import jakarta.inject.Inject;

import java.util.List;

/** {@code /v1/apps/{id}/metrics}: one kind of series per process type over a range. */
public final class MetricsService extends ApiService {
    private final Telemetry telemetry;

    @Inject
    public MetricsService(EndpointPipeline pipeline, Telemetry telemetry) {
        super(pipeline);
        this.telemetry = telemetry;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/v1/apps/{id}/metrics").id("getMetrics").tag("metrics")
                        .summary("CPU (percent of one core), memory (bytes), restarts or requests per process type over a range")
                        .query("range", "string", "5m, 15m, 1h, 6h, 24h or 7d (default 1h)")
                        .query("kind", "string", "cpu, memory, restarts or requests (default cpu)")
                        .query("step", "string", "bucket size such as 30s or 5m (default depends on the range)")
                        .returns(200, MetricsView.class)
                        .handle(ex -> Reply.ok(telemetry.metrics(ex.caller(), ex.pathParam("id"), ex.query("range"),
                                ex.query("kind"), ex.query("step")))));
    }
}
