package io.paasruntime.server.openapi;

import io.paasruntime.server.http.EndpointPipeline;
import io.paasruntime.server.http.RateLimits;
import io.paasruntime.server.http.RequestIdFilter;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.paasruntime.server.openapi.JsonSchemas.object;

/**
 * The headers the pipeline writes, as shared {@code components.headers} (names taken from the classes
 * that write them) and the {@code Idempotency-Key} request header as a shared parameter.
 */
final class ResponseHeaders {
    static final String REQUEST_ID = RequestIdFilter.X_REQUEST_ID.defaultCase();
    static final String IDEMPOTENCY_KEY = "IdempotencyKey";

    private ResponseHeaders() {
    }

    static Map<String, Object> components() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(REQUEST_ID, object("description", "The request's id, also `error.request_id`; the client's own "
                + "when it sent a valid one. Quote it when reporting a problem.", "required", true,
                "schema", object("type", "string"), "example", ApiExamples.REQUEST_ID));
        headers.put(RateLimits.LIMIT.defaultCase(), integer("Requests allowed in any rolling minute: 600 per token, "
                + "30 per source address on the open routes.", 600));
        headers.put(RateLimits.REMAINING.defaultCase(), integer("Requests left in the current window.", 599));
        headers.put(RateLimits.RESET.defaultCase(), integer("Seconds until the window has room again.", 60));
        headers.put("Retry-After", object("description", "Seconds to wait before retrying.", "required", true,
                "schema", object("type", "integer", "minimum", 1), "example", 12));
        headers.put("WWW-Authenticate", object("description", "The scheme to authenticate with.", "required", true,
                "schema", object("type", "string", "const", "Bearer"), "example", "Bearer"));
        headers.put(EndpointPipeline.IDEMPOTENT_REPLAYED.defaultCase(), object("description",
                "`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`.",
                "schema", object("type", "string", "const", "true"), "example", "true"));
        return headers;
    }

    /** {@code components.parameters}: the {@code Idempotency-Key} every POST takes. */
    static Map<String, Object> parameterComponents() {
        return Map.of(IDEMPOTENCY_KEY, object("name", EndpointPipeline.IDEMPOTENCY_KEY.defaultCase(), "in", "header",
                "required", false, "description", "Makes a retried POST safe: within 24 hours a request with the same "
                        + "key (per user) gets the first answer again, with `Idempotent-Replayed: true`; the same key "
                        + "with a different request is refused with 409.",
                "schema", object("type", "string", "minLength", 1, "maxLength", 255),
                "example", "5f0c2d1e-deploy-v2"));
    }

    /** The header every answer carries. */
    static Map<String, Object> always() {
        return Map.of(REQUEST_ID, ref(REQUEST_ID));
    }

    /** The headers of a rate-limited answer. */
    static Map<String, Object> rateLimit(boolean limited) {
        if (!limited) {
            return Map.of();
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        for (String name : new String[]{RateLimits.LIMIT.defaultCase(), RateLimits.REMAINING.defaultCase(),
                RateLimits.RESET.defaultCase()}) {
            headers.put(name, ref(name));
        }
        return headers;
    }

    static Map<String, Object> ref(String header) {
        return object("$ref", "#/components/headers/" + header);
    }

    private static Map<String, Object> integer(String description, int example) {
        return object("description", description, "schema", object("type", "integer", "minimum", 0),
                "example", example);
    }
}
