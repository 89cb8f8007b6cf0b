package io.paasruntime.server.openapi;

import io.paasruntime.server.http.Access;
import io.paasruntime.server.http.Endpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the OpenAPI 3.1 document from the declared endpoints: paths, operations, parameters,
 * bearer security and response codes. Body schemas are not generated yet (a later step).
 */
public final class OpenApiDocument {
    private OpenApiDocument() {
    }

    public static Map<String, Object> from(List<Endpoint> endpoints, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "PaaS Runtime API", "version", version));
        doc.put("security", List.of(Map.of("bearer", List.of())));
        Map<String, Map<String, Object>> paths = new LinkedHashMap<>();
        for (Endpoint e : endpoints) {
            paths.computeIfAbsent(e.path(), p -> new LinkedHashMap<>()).put(e.method().text().toLowerCase(), operation(e));
        }
        doc.put("paths", paths);
        doc.put("components", Map.of("securitySchemes",
                Map.of("bearer", Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT"))));
        return doc;
    }

    private static Map<String, Object> operation(Endpoint e) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", e.operationId());
        op.put("summary", e.summary());
        op.put("tags", List.of(e.tag()));
        if (e.access() != Access.BEARER) {
            op.put("security", List.of());
        }
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (String name : e.pathParams()) {
            parameters.add(Map.of("name", name, "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        for (Endpoint.QueryParam q : e.query()) {
            parameters.add(Map.of("name", q.name(), "in", "query", "required", false, "description", q.description(),
                    "schema", Map.of("type", q.type())));
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        if (e.requestBody().isPresent() || !e.rawBody().isEmpty()) {
            Map<String, Object> content = new LinkedHashMap<>();
            e.requestBody().ifPresent(t -> content.put("application/json", Map.of("schema", Map.of("type", "object"))));
            e.rawBody().forEach(m -> content.put(m, Map.of("schema", Map.of("type", "string", "format", "binary"))));
            op.put("requestBody", Map.of("required", true, "content", content));
        }
        Map<String, Object> responses = new TreeMap<>();
        e.responses().keySet().forEach(status -> responses.put(Integer.toString(status), Map.of("description", "success")));
        responses.put("default", Map.of("description", "error envelope {\"error\":{code,message,request_id,ts,details?}}"));
        op.put("responses", responses);
        return op;
    }
}
