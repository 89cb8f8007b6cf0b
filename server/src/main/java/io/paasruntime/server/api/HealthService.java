package io.paasruntime.server.api;

import io.paasruntime.server.http.Access;
import io.paasruntime.server.http.ApiService;
import io.paasruntime.server.http.Endpoint;
import io.paasruntime.server.http.EndpointPipeline;
import io.paasruntime.server.http.Reply;
import jakarta.inject.Inject;

import java.util.List;

/** {@code GET /v1/healthz}: liveness, open and not rate limited. */
public final class HealthService extends ApiService {
    /** {@code {"status":"ok"}} */
    public record Health(String status) {
    }

    private static final Health OK = new Health("ok");

    @Inject
    public HealthService(EndpointPipeline pipeline) {
        super(pipeline);
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/v1/healthz").id("healthz").tag("health").access(Access.PUBLIC)
                .summary("Liveness: answers 200 while the server runs")
                .returns(200, Health.class)
                .handle(ex -> Reply.ok(OK)));
    }
}
