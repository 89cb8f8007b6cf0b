package io.paasruntime.server.openapi;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.paasruntime.server.http.Access;
import io.paasruntime.server.http.Endpoint;
import io.paasruntime.server.openapi.JsonSchemas.Direction;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.paasruntime.server.openapi.JsonSchemas.object;

/**
 * Builds the OpenAPI 3.1 document from the declared endpoints, the same list the server registers:
 * every operation with its parameters, request and answer schemas (reflected from the body types),
 * examples, the error answers it can give, the headers, and bearer security on every non-open route.
 * The result is a tree of maps, lists and records that {@link io.paasruntime.server.http.Json} writes.
 */
public final class OpenApiDocument {
    static final String TITLE = "PaaS Runtime API";
    private static final String DESCRIPTION = """
            The `/v1` API of a self-hosted PaaS: tenants sign up, create apps, deploy releases, roll back, \
            scale and restart processes, read logs and metrics, and attach PostgreSQL databases.

            - **Authentication**: `POST /v1/auth/login` answers a bearer token; send it as \
            `Authorization: Bearer <token>` on every route not marked open. A missing, invalid or expired \
            token answers 401.
            - **Errors** share one envelope, `{"error":{"code","message","request_id","ts","details"?}}`; \
            `request_id` is also the `X-Request-Id` header.
            - **Lists** take `limit` (default 50, at most 200) and `cursor`; the answer's `next_cursor` is \
            null on the last page. The order is stable.
            - **Idempotency**: a POST with an `Idempotency-Key` header is done once; a retry within 24 hours \
            gets the first answer again.
            - **Rate limits**: 600 requests a minute per token, 30 per source address on the open routes; \
            `RateLimit-*` headers on every limited answer, 429 with `Retry-After` when used up.

            The guide with examples is `docs/api.md` in the source tree.""";

    private OpenApiDocument() {
    }

    /** The document for {@code endpoints}; fails when a route lacks a description, an example or a schema. */
    public static Map<String, Object> from(List<Endpoint> endpoints, String version) {
        JsonSchemas schemas = new JsonSchemas();
        Set<ErrorResponses.Kind> errorsUsed = new LinkedHashSet<>();
        Map<String, Map<String, Object>> paths = new LinkedHashMap<>();
        Set<String> tagsUsed = new LinkedHashSet<>();
        for (Endpoint e : endpoints) {
            Map<String, Object> operations = paths.computeIfAbsent(e.path(), p -> new LinkedHashMap<>());
            String method = e.method().text().toLowerCase();
            if (operations.put(method, operation(e, schemas, errorsUsed)) != null) {
                throw new IllegalStateException(e.method() + " " + e.path() + " is declared twice");
            }
            ApiGlossary.tag(e.tag(), e.method() + " " + e.path());
            tagsUsed.add(e.tag());
        }
        schemas.schema(ErrorResponses.ErrorView.class, Direction.RESPONSE); // the shared envelope: "Error"

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", object("title", TITLE, "version", version, "description", DESCRIPTION));
        // relative: the document describes the server that serves it, whatever its address
        doc.put("servers", List.of(object("url", "/", "description", "this server")));
        doc.put("security", List.of(Map.of("bearer", List.of())));
        List<Map<String, Object>> tags = new ArrayList<>();
        ApiGlossary.tags().forEach((name, description) -> {
            if (tagsUsed.contains(name)) {
                tags.add(object("name", name, "description", description));
            }
        });
        doc.put("tags", tags);
        doc.put("paths", paths);
        Map<String, Object> responses = new LinkedHashMap<>();
        ErrorResponses.responseComponents().forEach((name, response) -> {
            if (errorsUsed.stream().anyMatch(k -> k.component.equals(name))) {
                responses.put(name, response);
            }
        });
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", schemas.components());
        components.put("responses", responses);
        components.put("headers", ResponseHeaders.components());
        components.put("parameters", ResponseHeaders.parameterComponents());
        components.put("securitySchemes", Map.of("bearer", object("type", "http", "scheme", "bearer",
                "bearerFormat", "JWT", "description", "A token from `POST /v1/auth/login`.")));
        doc.put("components", components);
        return doc;
    }

    private static Map<String, Object> operation(Endpoint e, JsonSchemas schemas, Set<ErrorResponses.Kind> errorsUsed) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", e.operationId());
        op.put("summary", e.summary());
        op.put("description", description(e));
        op.put("tags", List.of(e.tag()));
        if (e.access() != Access.BEARER) {
            op.put("security", List.of());
        }
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (String name : e.pathParams()) {
            parameters.add(object("name", name, "in", "path", "required", true,
                    "description", ApiGlossary.pathParameter(e.path(), name), "schema", object("type", "string")));
        }
        for (Endpoint.QueryParam q : e.query()) {
            parameters.add(object("name", q.name(), "in", "query", "required", false, "description", q.description(),
                    "schema", object("type", q.type())));
        }
        if (e.method() == Method.POST) {
            parameters.add(object("$ref", "#/components/parameters/" + ResponseHeaders.IDEMPOTENCY_KEY));
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        if (e.requestBody().isPresent() || !e.rawBody().isEmpty()) {
            Map<String, Object> content = new LinkedHashMap<>();
            e.requestBody().ifPresent(t -> content.put(Endpoint.JSON, object(
                    "schema", schemas.schema(t, Direction.REQUEST), "example", ApiExamples.request(t))));
            e.rawBody().forEach(m -> content.put(m, object("schema", object("type", "string", "format", "binary"))));
            op.put("requestBody", object("required", e.bodyRequired() || !e.rawBody().isEmpty(), "content", content));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        new TreeMap<>(e.responses()).forEach((status, type) -> responses.put(Integer.toString(status),
                success(e, status, type, schemas)));
        for (ErrorResponses.Kind kind : ErrorResponses.of(e)) {
            responses.put(Integer.toString(kind.status), ErrorResponses.ref(kind));
            errorsUsed.add(kind);
        }
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> success(Endpoint e, int status, Type type, JsonSchemas schemas) {
        Map<String, Object> headers = new LinkedHashMap<>(ResponseHeaders.always());
        headers.putAll(ResponseHeaders.rateLimit(e.access() != Access.PUBLIC));
        if (e.method() == Method.POST) {
            headers.put("Idempotent-Replayed", ResponseHeaders.ref("Idempotent-Replayed"));
        }
        Map<String, Object> content = new LinkedHashMap<>();
        for (String mediaType : e.produces()) {
            if (mediaType.equals(Endpoint.JSON)) {
                content.put(mediaType, object("schema", schemas.schema(type, Direction.RESPONSE),
                        "example", ApiExamples.response(type)));
            } else {
                Map<String, Object> text = object("schema", object("type", "string"));
                ApiExamples.text(mediaType).ifPresent(example -> text.put("example", example));
                content.put(mediaType, text);
            }
        }
        return object("description", Status.create(status).reasonPhrase(), "headers", headers, "content", content);
    }

    /** Who may call it and how it is limited, said the same way for every operation. */
    private static String description(Endpoint e) {
        String access = switch (e.access()) {
            case BEARER -> "Needs a bearer token; counts against the token's rate limit.";
            case ANONYMOUS -> "Open: no token. Counts against the source address's rate limit.";
            case PUBLIC -> "Open: no token, no rate limit.";
        };
        String idempotency = e.method() == Method.POST
                ? " Send an `Idempotency-Key` to make a retry return the first answer instead of acting twice." : "";
        return access + idempotency;
    }
}
