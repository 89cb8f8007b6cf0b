package io.paasruntime.signoz;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for SigNoz's {@code POST /api/v5/query_range} on a free loopback port: it records each
 * request (body and API key header) and answers from {@link FakeSigNozData} in the documented
 * response shapes, or fails as told: an error body, a 5xx, or an answer slower than the client waits.
 */
final class SigNozStub implements AutoCloseable {
    /** How the next answers fail, if they do. */
    enum Fault { NONE, ERROR_BODY, SERVER_ERROR, SLOW }

    /** One request as received. */
    record Request(String path, String apiKey, Map<String, Object> body) {
    }

    final FakeSigNozData data = new FakeSigNozData();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile Fault fault = Fault.NONE;
    private volatile Duration slowness = Duration.ofSeconds(3);

    SigNozStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void fail(Fault how) {
        fault = how;
    }

    void slowBy(Duration delay) {
        slowness = delay;
        fault = Fault.SLOW;
    }

    Request lastRequest() {
        return requests.getLast();
    }

    @SuppressWarnings("unchecked")
    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Object> body = (Map<String, Object>) Json.parse(text);
            requests.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("SIGNOZ-API-KEY"), body));
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/api/v5/query_range")) {
                send(exchange, 404, "{\"status\":\"error\",\"error\":{\"code\":\"not_found\",\"message\":\"no such route\"}}");
                return;
            }
            switch (fault) {
                case ERROR_BODY -> send(exchange, 400, Json.write(Map.of("status", "error", "error", Map.of(
                        "code", "invalid_input", "message", "failed to parse filter expression",
                        "url", "https://signoz.io/docs/userguide/search-syntax/",
                        "errors", List.of(Map.of("message", "line 1:12 unexpected token"))))));
                case SERVER_ERROR -> send(exchange, 503, "{\"status\":\"error\",\"error\":{\"code\":\"internal\",\"message\":\"clickhouse is unavailable\"}}");
                case SLOW -> {
                    sleep(slowness);
                    send(exchange, 200, Json.write(data.answer(body)));
                }
                case NONE -> send(exchange, 200, Json.write(data.answer(body)));
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "{\"status\":\"error\",\"error\":{\"code\":\"internal\",\"message\":\"stub: " + e + "\"}}");
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the client gave up (a slow answer): nothing to do
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
