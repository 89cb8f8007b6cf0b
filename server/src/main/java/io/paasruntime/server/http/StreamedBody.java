package io.paasruntime.server.http;

import io.helidon.webserver.http.ServerResponse;

/**
 * A {@link Reply} body that the handler writes itself instead of one JSON document, such as a
 * stream of server-sent events. {@link EndpointPipeline} sets the status and hands over the response:
 * to {@link #send} for a GET, to {@link #head} for a HEAD, which must not write a body (Helidon would
 * put it on the wire, where the client takes it for the next answer) nor start a stream.
 */
public interface StreamedBody {
    /** Writes the whole response; returns when the stream ends (or the client left). */
    void send(ServerResponse response);

    /** Writes the headers {@link #send} would and no body, releasing whatever {@link #send} would have used. */
    void head(ServerResponse response);
}
