package io.paasruntime.server.http;

import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.paasruntime.core.idempotency.Idempotency;
import io.paasruntime.core.support.Caller;
import io.paasruntime.spi.identity.Principal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Runs one declared {@link Endpoint} for a request: authentication (for {@link Access#BEARER}),
 * the rate limit, {@code Idempotency-Key} replay for POSTs, then the handler, whose reply is written
 * as JSON (or, for a {@link StreamedBody}, written by the body itself). Errors are thrown and answered
 * by {@link ErrorMapper}.
 *
 * <p>Idempotency fingerprint: method, path, query and body bytes. For a raw upload (a gzip
 * artifact) the body is streamed to the orchestrator, not buffered, so its fingerprint covers the
 * method, path, query, content type and declared length only.
 */
public final class EndpointPipeline {
    public static final HeaderName IDEMPOTENCY_KEY = HeaderNames.create("Idempotency-Key");
    public static final HeaderName IDEMPOTENT_REPLAYED = HeaderNames.create("Idempotent-Replayed");
    /** Answers, errors included, are per caller and often carry secrets (a token, config vars): never cached. */
    static final Header NO_STORE = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-store");

    private final BearerAuthentication authentication;
    private final RateLimits limits;
    private final Idempotency idempotency;
    private final Json json;

    public EndpointPipeline(BearerAuthentication authentication, RateLimits limits, Idempotency idempotency, Json json) {
        this.authentication = authentication;
        this.limits = limits;
        this.idempotency = idempotency;
        this.json = json;
    }

    public Handler handler(Endpoint endpoint) {
        return (req, res) -> run(endpoint, req, res);
    }

    private void run(Endpoint endpoint, ServerRequest req, ServerResponse res) {
        RequestState state = req.context().get(RequestState.class).orElseGet(() -> RequestState.forIncoming(Optional.empty()));
        Caller caller = null;
        switch (endpoint.access()) {
            case BEARER -> {
                Principal principal = authentication.authenticate(req, state.requestId());
                limits.chargeToken(principal.tokenId(), state);
                caller = new Caller(principal, state.requestId());
            }
            case ANONYMOUS -> limits.chargeAddress(new Exchange(req, state, null, json).sourceAddress(), state);
            case PUBLIC -> {
            }
        }
        state.rateLimit().ifPresent(d -> RateLimits.writeHeaders(d, res));
        Exchange exchange = new Exchange(req, state, caller, json);
        if (endpoint.requestBody().isEmpty() && endpoint.rawBody().isEmpty()) {
            exchange.requireNoBody();
        }
        Optional<String> key = endpoint.method() == Method.POST ? req.headers().first(IDEMPOTENCY_KEY) : Optional.empty();
        if (key.isEmpty()) {
            Reply reply = endpoint.action().handle(exchange);
            if (reply.body() instanceof StreamedBody streamed) {
                res.status(reply.status());
                if (req.prologue().method() == Method.HEAD) {
                    streamed.head(res);
                } else {
                    streamed.send(res);
                }
                return;
            }
            send(req, res, reply.status(), json.write(reply.body()));
            return;
        }
        Idempotency.Answer answer = idempotency.once(scope(exchange, caller), key.get(), fingerprint(endpoint, exchange),
                () -> {
                    Reply reply = endpoint.action().handle(exchange);
                    return new Idempotency.Answer(reply.status(),
                            new String(json.write(reply.body()), StandardCharsets.UTF_8), false);
                });
        if (answer.replayed()) {
            res.header(IDEMPOTENT_REPLAYED, "true");
        }
        send(req, res, answer.status(), answer.body().getBytes(StandardCharsets.UTF_8));
    }

    private static void send(ServerRequest req, ServerResponse res, int status, byte[] body) {
        res.status(status);
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        res.header(NO_STORE);
        sendBody(req, res, body);
    }

    /** Sends {@code body}, or for a HEAD request only its length (Helidon would write the body too). */
    static void sendBody(ServerRequest req, ServerResponse res, byte[] body) {
        if (req.prologue().method() == Method.HEAD) {
            res.header(HeaderValues.create(HeaderNames.CONTENT_LENGTH, body.length));
            res.send();
        } else {
            res.send(body);
        }
    }

    /** Keys are per user (or per source address on open routes): two tenants may pick the same key. */
    private static String scope(Exchange exchange, Caller caller) {
        return caller != null ? "user:" + caller.tenantId() + ":" + caller.principal().subject()
                : "addr:" + exchange.sourceAddress();
    }

    private static String fingerprint(Endpoint endpoint, Exchange exchange) {
        MessageDigest sha = sha256();
        ServerRequest req = exchange.request();
        sha.update((req.prologue().method().text() + " " + req.path().rawPath() + "?" + req.query().rawValue() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        if (endpoint.rawBody().contains(exchange.contentType())) {
            sha.update(("raw " + exchange.contentType() + " " + exchange.declaredLength().orElse(-1))
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            // the same JSON written differently (spacing, key order) is the same request
            sha.update(exchange.canonicalBody());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
