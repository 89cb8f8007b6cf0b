package io.paasruntime.server.http;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.paasruntime.core.errors.NotFound;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole HTTP routing: the request-id filter, every resource service, a last route that turns
 * unmatched requests into {@code 404}/{@code 405}, and the error mapper for all failures.
 */
public final class ApiRouting {
    private final List<ApiService> services;
    private final ErrorMapper errors;

    public ApiRouting(List<ApiService> services, ErrorMapper errors) {
        this.services = List.copyOf(services);
        this.errors = errors;
    }

    /** Every declared route, in registration order; the OpenAPI document is built from this. */
    public List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        services.forEach(s -> all.addAll(s.endpoints()));
        return all;
    }

    public void configure(HttpRouting.Builder routing) {
        routing.addFilter(new RequestIdFilter());
        services.forEach(routing::register);
        routing.any(this::unmatched);
        routing.error(Throwable.class, errors);
    }

    private void unmatched(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        List<String> allowed = endpoints().stream()
                .filter(e -> e.matchesPath(path))
                .map(e -> e.method().text())
                .distinct()
                .toList();
        if (allowed.isEmpty()) {
            throw new NotFound("no route " + path + "; see /v1/openapi.json for the API");
        }
        throw new MethodNotAllowed(req.prologue().method().text(), path, allowed);
    }
}
