package io.paasruntime.server.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.paasruntime.core.errors.FieldProblem;
import io.paasruntime.core.errors.PayloadTooLarge;
import io.paasruntime.core.errors.ProviderErrors;
import io.paasruntime.core.errors.RateLimited;
import io.paasruntime.core.errors.RuntimeError;
import io.paasruntime.spi.ProviderException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where failures become HTTP answers: the core's {@link RuntimeError}s, provider
 * exceptions, unknown routes and methods, Helidon's own request errors and every unexpected
 * throwable, each as {@code {"error":{"code","message","request_id","ts","details"?}}}. Unexpected
 * failures are logged here with their request id; clients never see a stack trace.
 */
public final class ErrorMapper implements ErrorHandler<Throwable>, DirectHandler {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    private final Json json;
    private final Clock clock;

    public ErrorMapper(Json json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** An error as the API reports it. */
    record Problem(int status, String code, String message, List<FieldProblem> details) {
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res, Throwable error) {
        RequestState state = req.context().get(RequestState.class)
                .orElseGet(() -> RequestState.forIncoming(req.headers().first(RequestIdFilter.X_REQUEST_ID)));
        Problem problem = problem(error, state.requestId(), req.prologue().method().text() + " " + req.path().rawPath());
        res.status(problem.status());
        res.header(RequestIdFilter.X_REQUEST_ID, state.requestId());
        state.rateLimit().ifPresent(d -> RateLimits.writeHeaders(d, res));
        if (error instanceof RateLimited limited) {
            res.header(HeaderNames.RETRY_AFTER, Long.toString(Math.max(1, limited.retryAfter().toSeconds())));
        }
        if (problem.status() == 401) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
        }
        if (error instanceof MethodNotAllowed m) {
            res.header(HeaderNames.ALLOW, String.join(", ", m.allowed()));
        }
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        res.header(EndpointPipeline.NO_STORE);
        EndpointPipeline.sendBody(req, res, envelope(problem, state.requestId()));
    }

    /** Errors Helidon answers before routing (a malformed request line, headers too large, …). */
    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, String message) {
        String requestId = RequestState.forIncoming(request.headers().first(RequestIdFilter.X_REQUEST_ID)).requestId();
        int status = defaultStatus.code();
        String code = codeFor(status);
        String text = status >= 500 ? "internal error" : "the request could not be read: " + safe(message);
        if (status >= 500) {
            LOG.warning("request " + requestId + " failed before routing (" + eventType + "): " + message);
        }
        Problem problem = new Problem(status, code, text,
                code.equals("validation_failed") ? List.of(new FieldProblem("request", text)) : List.of());
        responseHeaders.set(RequestIdFilter.X_REQUEST_ID, requestId);
        responseHeaders.set(HeaderValues.CONTENT_TYPE_JSON);
        responseHeaders.set(EndpointPipeline.NO_STORE);
        return TransportResponse.builder()
                .status(defaultStatus)
                .headers(responseHeaders)
                .entity(envelope(problem, requestId))
                .build();
    }

    Problem problem(Throwable error, String requestId, String request) {
        if (error instanceof ProviderException p) {
            return problem(ProviderErrors.translate(p), requestId, request);
        }
        if (error instanceof RuntimeError e) {
            if (e.code().equals("internal")) {
                LOG.log(Level.SEVERE, "request " + requestId + " (" + request + ") failed: " + e.getMessage(), e);
                return internal();
            }
            int status = e instanceof PayloadTooLarge ? 413 : statusFor(e.code());
            return new Problem(status, e.code(), e.getMessage(), e.details());
        }
        if (error instanceof MethodNotAllowed m) {
            // DESIGN's codes have no method_not_allowed: like Heroku, the code says the endpoint is not
            // there; the status (405) and the Allow header say which methods are
            return new Problem(405, "not_found", m.getMessage(), List.of());
        }
        if (error instanceof HttpException h && h.status().code() < 500) {
            int status = h.status().code();
            String code = codeFor(status);
            String message = safe(h.getMessage());
            return new Problem(status, code, message,
                    code.equals("validation_failed") ? List.of(new FieldProblem("request", message)) : List.of());
        }
        LOG.log(Level.SEVERE, "request " + requestId + " (" + request + ") failed unexpectedly", error);
        return internal();
    }

    private static Problem internal() {
        return new Problem(500, "internal", "internal error; the server log has details under this request id",
                List.of());
    }

    private byte[] envelope(Problem problem, String requestId) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", problem.code());
        error.put("message", problem.message());
        error.put("request_id", requestId);
        error.put("ts", Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
        if (!problem.details().isEmpty()) {
            error.put("details", problem.details());
        }
        return json.write(Map.of("error", error));
    }

    static int statusFor(String code) {
        return switch (code) {
            case "validation_failed" -> 400;
            case "unauthorized" -> 401;
            case "forbidden" -> 403;
            case "not_found" -> 404;
            case "conflict" -> 409;
            case "rate_limited" -> 429;
            case "unavailable" -> 503;
            default -> 500;
        };
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "not_found";
            case 409 -> "conflict";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "validation_failed";
        };
    }

    /** Helidon's messages about bad requests are short texts; keep them one line and bounded. */
    private static String safe(String message) {
        String text = Optional.ofNullable(message).orElse("bad request").replaceAll("[\\r\\n\\t]+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
