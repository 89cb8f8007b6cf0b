package io.paasruntime.server.openapi;

import dagger.Lazy;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import io.paasruntime.server.http.Access;
import io.paasruntime.server.http.ApiRouting;
import io.paasruntime.server.http.ApiService;
import io.paasruntime.server.http.Endpoint;
import io.paasruntime.server.http.EndpointPipeline;
import io.paasruntime.server.http.Json;
import io.paasruntime.server.http.Reply;
import io.paasruntime.server.http.StreamedBody;
import jakarta.inject.Inject;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/openapi.json} and {@code /v1/openapi.yaml}: the API description, generated once from
 * the routes actually registered (they do not change while the server runs).
 */
public final class OpenApiService extends ApiService {
    static final String API_VERSION = "1.0.0";
    public static final String YAML = "application/yaml";

    private final Lazy<ApiRouting> routing;
    private final Json json;
    private volatile byte[] jsonDocument;
    private volatile byte[] yamlDocument;

    @Inject
    public OpenApiService(EndpointPipeline pipeline, Lazy<ApiRouting> routing, Json json) {
        super(pipeline);
        this.routing = routing;
        this.json = json;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/v1/openapi.json").id("openapiJson").tag("meta").access(Access.PUBLIC)
                        .summary("This API's OpenAPI 3.1 document, as JSON")
                        .returns(200, Map.class)
                        .handle(ex -> Reply.ok(send(Endpoint.JSON, jsonDocument()))),
                Endpoint.get("/v1/openapi.yaml").id("openapiYaml").tag("meta").access(Access.PUBLIC)
                        .summary("The same OpenAPI 3.1 document, as YAML")
                        .returns(200, String.class).produces(YAML)
                        .handle(ex -> Reply.ok(send(YAML + "; charset=utf-8", yamlDocument()))));
    }

    /** The document as {@link Json} writes it: records (examples) in snake_case, nulls kept. */
    byte[] jsonDocument() {
        byte[] doc = jsonDocument;
        if (doc == null) {
            doc = json.write(OpenApiDocument.from(routing.get().endpoints(), API_VERSION));
            jsonDocument = doc;
        }
        return doc;
    }

    /** The same tree as YAML: read back from the JSON so both spell every name the same. */
    byte[] yamlDocument() {
        byte[] doc = yamlDocument;
        if (doc == null) {
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            options.setIndent(2);
            options.setWidth(120);
            options.setSplitLines(false);
            Object tree = json.read(jsonDocument(), Map.class);
            doc = new Yaml(options).dump(tree).getBytes(StandardCharsets.UTF_8);
            yamlDocument = doc;
        }
        return doc;
    }

    private static StreamedBody send(String contentType, byte[] body) {
        return new StreamedBody() {
            @Override
            public void send(ServerResponse response) {
                response.header(HeaderNames.CONTENT_TYPE, contentType);
                response.send(body);
            }

            @Override
            public void head(ServerResponse response) {
                response.header(HeaderNames.CONTENT_TYPE, contentType);
                response.header(HeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
                response.send();
            }
        };
    }
}
