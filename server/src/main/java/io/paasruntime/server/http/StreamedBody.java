package io.paasruntime.server.http;

import io.helidon.webserver.http.ServerResponse;

/**
 * A {@link Reply} body that the handler writes itself instead of one JSON document, such as a
 * stream of server-sent events. {@link EndpointPipeline} sets the status and hands over the response.
 */
@FunctionalInterface
public interface StreamedBody {
    /** Writes the whole response; returns when the stream ends (or the client left). */
    void send(ServerResponse response);
}
