package io.paasruntime.server.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import java.util.List;

/**
 * One {@code /v1} resource: it declares its {@link Endpoint}s and registers exactly those with
 * Helidon through the {@link EndpointPipeline}, so a route cannot exist without its declaration.
 */
public abstract class ApiService implements HttpService {
    private final EndpointPipeline pipeline;

    protected ApiService(EndpointPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** The routes of this resource, in the order they are registered and documented. */
    public abstract List<Endpoint> endpoints();

    @Override
    public final void routing(HttpRules rules) {
        for (Endpoint endpoint : endpoints()) {
            rules.route(endpoint.method(), endpoint.path(), pipeline.handler(endpoint));
            if (endpoint.method() == Method.GET && endpoint.produces().contains(Endpoint.JSON)) {
                // HEAD answers what GET would, without the body (health probes, link checkers); a route
                // that may also stream (logs) answers the stream's headers through StreamedBody.head
                rules.route(Method.HEAD, endpoint.path(), pipeline.handler(endpoint));
            }
        }
    }
}
