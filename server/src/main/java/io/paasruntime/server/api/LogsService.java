package io.paasruntime.server.api;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import io.paasruntime.core.telemetry.LogFollow;
import io.paasruntime.core.telemetry.LogRequest;
import io.paasruntime.core.telemetry.LogsView;
import io.paasruntime.core.telemetry.Telemetry;
import io.paasruntime.server.http.ApiService;
import io.paasruntime.server.http.Endpoint;
import io.paasruntime.server.http.EndpointPipeline;
import io.paasruntime.server.http.Exchange;
import io.paasruntime.server.http.Json;
import io.paasruntime.server.http.Reply;
import io.paasruntime.server.http.StreamedBody;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code /v1/apps/{id}/logs}: a page of recent lines, or with {@code follow=true} a
 * {@code text/event-stream} of new lines, one event per line (its JSON as data) and a comment every
 * {@link #HEARTBEAT} so proxies and clients see the stream is alive. The stream ends when the client
 * leaves (the next write fails). Lines reach it through a {@link LogFollow} buffer, so a slow
 * client costs dropped lines (and a marker), never a stalled app. A {@code HEAD} with {@code follow=true}
 * answers the stream's headers and starts no stream.
 *
 * <p>The event stream is written by hand rather than through Helidon's {@code SseSink}: in Helidon
 * 4.3.0 that sink cannot send a comment without data (it fails serializing the empty data), and
 * comments are what heartbeats are.
 */
public final class LogsService extends ApiService {
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final Telemetry telemetry;
    private final Json json;

    @Inject
    public LogsService(EndpointPipeline pipeline, Telemetry telemetry, Json json) {
        super(pipeline);
        this.telemetry = telemetry;
        this.json = json;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/v1/apps/{id}/logs").id("getLogs").tag("logs")
                        .summary("Recent log lines, oldest first (default the last 100); ?follow=true streams new lines as server-sent events")
                        .query("since", "string", "RFC 3339 time or a duration back from now, e.g. 15m")
                        .query("until", "string", "RFC 3339 time or a duration back from now; lines before it")
                        .query("process", "string", "only this process type (runtime: the runtime's own events)")
                        .query("q", "string", "only lines containing this text (case-insensitive)")
                        .query("limit", "integer", "lines per page, 1-1000 (default 100)")
                        .query("cursor", "string", "next_cursor of the previous page, to read older lines")
                        .query("follow", "boolean", "stream new lines (text/event-stream) until the client leaves")
                        .returns(200, LogsView.class).produces(Endpoint.JSON, "text/event-stream")
                        .handle(this::logs));
    }

    private Reply logs(Exchange ex) {
        LogRequest request = new LogRequest(ex.query("since"), ex.query("until"), ex.query("process"), ex.query("q"),
                ex.query("limit"), ex.query("cursor"));
        if (!ex.flag("follow")) {
            return Reply.ok(telemetry.logs(ex.caller(), ex.pathParam("id"), request));
        }
        // followed before the answer starts, so an unknown app or a bad filter is an error answer, not a stream
        LogFollow follow = telemetry.follow(ex.caller(), ex.pathParam("id"), request);
        return Reply.ok(new StreamedBody() {
            @Override
            public void send(ServerResponse response) {
                stream(follow, response);
            }

            @Override
            public void head(ServerResponse response) {
                follow.close();
                streamHeaders(response);
                response.send();
            }
        });
    }

    private static void streamHeaders(ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.header(HeaderNames.CACHE_CONTROL, "no-cache");
        response.header(HeaderNames.create("X-Accel-Buffering"), "no"); // tells proxies such as nginx not to buffer
    }

    private void stream(LogFollow follow, ServerResponse response) {
        streamHeaders(response);
        try (follow; OutputStream out = response.outputStream()) {
            send(out, ": following\n\n"); // sends the headers now, not with the first line
            while (true) {
                Optional<LogsView.LineView> line = follow.next(HEARTBEAT);
                send(out, line.isPresent() ? "data: " + new String(json.write(line.get()), StandardCharsets.UTF_8) + "\n\n"
                        : ": heartbeat\n\n");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // the client left: writing to its connection failed, which ends the stream
        }
    }

    /** One event (JSON is written on one line, so a line's data never spans two {@code data:} fields). */
    private static void send(OutputStream out, String event) throws IOException {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
