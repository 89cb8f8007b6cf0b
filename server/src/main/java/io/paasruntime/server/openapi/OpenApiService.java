package io.paasruntime.server.openapi;

import dagger.Lazy;
import io.paasruntime.server.http.Access;
import io.paasruntime.server.http.ApiRouting;
import io.paasruntime.server.http.ApiService;
import io.paasruntime.server.http.Endpoint;
import io.paasruntime.server.http.EndpointPipeline;
import io.paasruntime.server.http.Reply;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/** {@code GET /v1/openapi.json}: the API description, generated from the routes actually registered. */
public final class OpenApiService extends ApiService {
    static final String API_VERSION = "1.0.0";

    private final Lazy<ApiRouting> routing;

    @Inject
    public OpenApiService(EndpointPipeline pipeline, Lazy<ApiRouting> routing) {
        super(pipeline);
        this.routing = routing;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/v1/openapi.json").id("openapi").tag("meta").access(Access.PUBLIC)
                .summary("This API's OpenAPI 3.1 document")
                .returns(200, Map.class)
                .handle(ex -> Reply.ok(OpenApiDocument.from(routing.get().endpoints(), API_VERSION))));
    }
}
