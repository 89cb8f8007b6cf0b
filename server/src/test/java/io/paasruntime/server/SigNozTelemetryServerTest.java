package io.paasruntime.server;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled server with {@code logs.provider: signoz} and {@code metrics.provider: signoz}: lines
 * come from SigNoz's answer (a stub serving the documented shape), and SigNoz failing or out of
 * reach answers {@code 503 unavailable} with the reason, never a 500.
 */
class SigNozTelemetryServerTest {
    private static final String ROWS = """
            {"status":"success","data":{"type":"raw","data":{"results":[{"queryName":"A","nextCursor":"","rows":[
              {"timestamp":"2026-12-03T10:00:00.123456789Z","data":{"id":"0ujsszwN8NRY24YaXiTIE2VWDTS","body":"GET / 200",
               "timestamp":1796292000123456789,"attributes_string":{"log.iostream":"stderr"},
               "resources_string":{"k8s.pod.labels.paas.io/process":"web","k8s.pod.name":"hello-web-7d9c-x2x4q"}}}]}]},
             "meta":{"rowsScanned":1,"bytesScanned":100,"durationMs":3}}}""";
    private static final String ERROR = """
            {"status":"error","error":{"code":"internal","message":"clickhouse is down","url":"","errors":[]}}""";

    @TempDir
    Path dataDir;
    private HttpServer signoz;
    private final AtomicReference<String> answer = new AtomicReference<>(ROWS);
    private final AtomicReference<String> apiKey = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (signoz != null) {
            signoz.stop(0);
        }
    }

    @Test
    void logsComeFromSigNozAndItsFailuresAreUnavailable() throws IOException {
        signoz = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        signoz.createContext("/api/v5/query_range", exchange -> {
            apiKey.set(exchange.getRequestHeaders().getFirst("SIGNOZ-API-KEY"));
            exchange.getRequestBody().readAllBytes();
            String body = answer.get();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body.contains("\"error\"") ? 500 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        signoz.start();
        int unreachable;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            unreachable = socket.getLocalPort(); // closed again: connections to it are refused
        }
        Map<String, String> settings = Map.of(
                "logs.provider", "signoz", "logs.url", "http://127.0.0.1:" + signoz.getAddress().getPort(),
                "logs.api-key", "server-test-key",
                "metrics.provider", "signoz", "metrics.url", "http://127.0.0.1:" + unreachable, "metrics.timeout", "2s");

        try (TestServer api = TestServer.start(dataDir, settings)) {
            String token = api.signupAndLogin("signoz@example.com", "signoz-pw-1", "observers");
            assertThat(api.post("/v1/apps", token, "{\"name\":\"hello\"}").status()).isEqualTo(201);

            TestServer.Response logs = api.get("/v1/apps/hello/logs", token);
            assertThat(logs.status()).as(logs.body()).isEqualTo(200);
            assertThat(logs.json().get("lines").get(0).toString()).isEqualTo("{\"ts\":\"2026-12-03T10:00:00.123456789Z\","
                    + "\"process\":\"web\",\"instance\":\"hello-web-7d9c-x2x4q\",\"stream\":\"stderr\",\"message\":\"GET / 200\"}");
            assertThat(apiKey.get()).isEqualTo("server-test-key");

            answer.set(ERROR);
            TestServer.Response down = api.get("/v1/apps/hello/logs", token).assertError(503, "unavailable");
            assertThat(down.json().at("/error/message").asText()).contains("SigNoz answered 500: internal: clickhouse is down");

            TestServer.Response refused = api.get("/v1/apps/hello/metrics?range=5m&kind=memory", token).assertError(503, "unavailable");
            assertThat(refused.json().at("/error/message").asText()).contains("cannot reach SigNoz");
            assertThat(refused.body()).doesNotContain("server-test-key");
        }
    }
}
