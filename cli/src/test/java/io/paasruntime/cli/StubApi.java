package io.paasruntime.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted stand-in for the server, for tests of the CLI's own behaviour (exit codes, output,
 * request shapes). Answers are queued per "METHOD /path" (query excluded); the last one repeats.
 */
final class StubApi implements AutoCloseable {
    record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new HashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    StubApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    StubApi on(String method, String path, int status, String body) {
        answers.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(new Answer(status, body));
        return this;
    }

    /** Like {@link #on}, dropping the answers still queued for the route. */
    StubApi onFromNow(String method, String path, int status, String body) {
        answers.remove(method + " " + path);
        return on(method, path, status, body);
    }

    List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String path = ex.getRequestURI().getRawPath();
        requests.add(new Request(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(),
                Map.copyOf(ex.getRequestHeaders()), body));
        Deque<Answer> queue = answers.get(ex.getRequestMethod() + " " + path);
        Answer a = queue == null || queue.isEmpty()
                ? new Answer(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"no route " + path
                        + "\",\"request_id\":\"req_stub\",\"ts\":\"2025-01-01T00:00:00Z\"}}")
                : queue.size() > 1 ? queue.poll() : queue.peek();
        byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
