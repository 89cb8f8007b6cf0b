package io.paasruntime.server.api;

import io.paasruntime.core.PaasRuntime;
import io.paasruntime.server.http.Access;
import io.paasruntime.server.http.ApiService;
import io.paasruntime.server.http.Endpoint;
import io.paasruntime.server.http.EndpointPipeline;
import io.paasruntime.server.http.Reply;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code GET /v1/healthz}: liveness, open and not rate limited. */
public final class HealthService extends ApiService {
    /**
     * {@code {"status":"ok","providers":{"identity":"local","metrics":"loadavg",…}}}: which provider
     * serves each port, so an operator can see that a dropped-in jar was picked up.
     */
    public record Health(String status, Map<String, String> providers) {
    }

    private final Health ok;

    @Inject
    public HealthService(EndpointPipeline pipeline, PaasRuntime runtime) {
        super(pipeline);
        // the providers are chosen once at start-up, so the answer never changes
        this.ok = new Health("ok", new TreeMap<>(runtime.providerIds()));
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/v1/healthz").id("healthz").tag("health").access(Access.PUBLIC)
                .summary("Liveness: answers 200 while the server runs, with the provider id of each port")
                .returns(200, Health.class)
                .handle(ex -> Reply.ok(ok)));
    }
}
