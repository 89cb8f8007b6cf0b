package io.paasruntime.server.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.helidon.http.Method;
import io.paasruntime.core.errors.FieldProblem;
import io.paasruntime.server.http.Access;
import io.paasruntime.server.http.Endpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.paasruntime.server.openapi.JsonSchemas.object;

/**
 * The error answers all operations share: the envelope, one response component per status, and the
 * rule that says which statuses an operation can answer, derived from its declaration (a bearer
 * route can answer 401, a route with a path parameter 404, …) plus the failures it declares itself.
 */
final class ErrorResponses {
    /** Every {@code error.code}, as {@link io.paasruntime.server.http.ErrorMapper} maps them to statuses. */
    static final List<String> CODES = List.of("validation_failed", "unauthorized", "forbidden", "not_found",
            "conflict", "rate_limited", "internal", "unavailable");

    /** {@code {"error":{"code","message","request_id","ts","details"?}}}: the shape of every error answer. */
    record ErrorView(BodyView error) {
        /** @param details only for {@code validation_failed}: each offending field and what is wrong with it */
        record BodyView(String code, String message, String requestId, String ts,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldProblem> details) {
        }
    }

    /** One documented error status. */
    enum Kind {
        BAD_REQUEST(400, "BadRequest", "validation_failed",
                "The request is invalid: `validation_failed`, with `details` naming each offending field."),
        UNAUTHORIZED(401, "Unauthorized", "unauthorized",
                "No bearer token, or a token that is invalid or expired (or, at login, wrong credentials): "
                        + "`unauthorized`, with `WWW-Authenticate: Bearer`."),
        FORBIDDEN(403, "Forbidden", "forbidden", "The caller may not do this: `forbidden`."),
        NOT_FOUND(404, "NotFound", "not_found",
                "No such resource for this tenant (or it is soft-deleted): `not_found`. Another tenant's "
                        + "resources answer this too, never 403."),
        CONFLICT(409, "Conflict", "conflict",
                "The change conflicts with the current state (a name in use, nothing to restart, …) or the "
                        + "`Idempotency-Key` was already used for a different request: `conflict`."),
        PAYLOAD_TOO_LARGE(413, "PayloadTooLarge", "validation_failed",
                "The body is over its limit (1 MiB for JSON, the configured artifact limit for uploads): "
                        + "`validation_failed`, with `details` naming the body."),
        TOO_MANY_REQUESTS(429, "TooManyRequests", "rate_limited",
                "The rate limit is used up: `rate_limited`. Retry after `Retry-After` seconds."),
        INTERNAL(500, "InternalError", "internal",
                "An unexpected failure: `internal`. The server log has the details under the request id."),
        UNAVAILABLE(503, "Unavailable", "unavailable",
                "A provider (identity, orchestrator, database, telemetry) cannot be reached: `unavailable`. "
                        + "Retry later.");

        final int status;
        final String component;
        final String code;
        final String description;

        Kind(int status, String component, String code, String description) {
            this.status = status;
            this.component = component;
            this.code = code;
            this.description = description;
        }

        static Optional<Kind> of(int status) {
            return Arrays.stream(values()).filter(k -> k.status == status).findFirst();
        }
    }

    private ErrorResponses() {
    }

    /** The error statuses {@code e} can answer, in order. */
    static List<Kind> of(Endpoint e) {
        boolean limited = e.access() != Access.PUBLIC;
        boolean body = e.requestBody().isPresent() || !e.rawBody().isEmpty();
        boolean post = e.method() == Method.POST;
        List<Kind> kinds = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            boolean applies = switch (kind) {
                // any input can be wrong; an Idempotency-Key is an input of every POST
                case BAD_REQUEST -> body || post || !e.query().isEmpty() || !e.pathParams().isEmpty();
                case UNAUTHORIZED -> e.access() == Access.BEARER;
                case FORBIDDEN -> false;
                case NOT_FOUND -> !e.pathParams().isEmpty();
                // names and states conflict on writes; any POST can reuse an Idempotency-Key
                case CONFLICT -> post || e.method() == Method.PATCH;
                case PAYLOAD_TOO_LARGE -> body;
                case TOO_MANY_REQUESTS, UNAVAILABLE -> limited;
                case INTERNAL -> true;
            };
            if (applies || e.failures().contains(kind.status)) {
                kinds.add(kind);
            }
        }
        for (int status : e.failures()) {
            if (Kind.of(status).isEmpty()) {
                throw new IllegalStateException(e.operationId() + " declares failure " + status
                        + ", which has no documented error response");
            }
        }
        return kinds;
    }

    /** {@code components.responses}: one per status, each the envelope with an example and its headers. */
    static Map<String, Object> responseComponents() {
        Map<String, Object> responses = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            Map<String, Object> headers = new LinkedHashMap<>(ResponseHeaders.always());
            headers.putAll(ResponseHeaders.rateLimit(kind == Kind.TOO_MANY_REQUESTS));
            if (kind == Kind.TOO_MANY_REQUESTS) {
                headers.put("Retry-After", ResponseHeaders.ref("Retry-After"));
            }
            if (kind == Kind.UNAUTHORIZED) {
                headers.put("WWW-Authenticate", ResponseHeaders.ref("WWW-Authenticate"));
            }
            responses.put(kind.component, object("description", kind.description, "headers", headers,
                    "content", Map.of("application/json", object(
                            "schema", object("$ref", "#/components/schemas/Error"),
                            "example", ApiExamples.error(kind)))));
        }
        return responses;
    }

    static Map<String, Object> ref(Kind kind) {
        return object("$ref", "#/components/responses/" + kind.component);
    }
}
