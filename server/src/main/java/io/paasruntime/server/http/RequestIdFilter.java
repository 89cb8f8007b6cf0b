package io.paasruntime.server.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/** Gives every request an id ({@code X-Request-Id}, reused when the client sent a valid one). */
public final class RequestIdFilter implements Filter {
    public static final HeaderName X_REQUEST_ID = HeaderNames.create("X-Request-Id");

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        RequestState state = RequestState.forIncoming(req.headers().first(X_REQUEST_ID));
        req.context().register(state);
        res.header(X_REQUEST_ID, state.requestId());
        chain.proceed();
    }
}
