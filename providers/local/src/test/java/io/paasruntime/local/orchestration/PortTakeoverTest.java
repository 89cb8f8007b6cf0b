package io.paasruntime.local.orchestration;

import io.paasruntime.spi.orchestration.AppProcesses;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.store.ReleaseStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance that is up can close its listening socket and keep running (a server thread that
 * died, a reload that binds anew). Whoever binds the port then would get the app's requests for as
 * long as the instance counts as up. The runtime checks an up web instance's port every second: when
 * a process of another uid answers there, the instance is no longer up and gets no requests.
 */
class PortTakeoverTest {
    private static final String CLOSES_ITS_LISTENER = "web: exec python3 -c 'import os, socket, time; s = socket.socket(); "
            + "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind((\"127.0.0.1\", int(os.environ[\"PORT\"]))); s.listen(16); time.sleep(3); s.close(); time.sleep(600)'\n";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aProcessOfAnotherUidThatTakesOverAnUpInstancesPortSoonGetsNoMoreRequests() throws Exception {
        try (FreshOrchestrator runtime = FreshOrchestrator.asRoot("port-takeover-")) {
            Orchestrator orchestrator = runtime.orchestrator;
            AppRef app = TestApps.newApp("victim");
            PreparedSource source = runtime.prepare(Map.of("Procfile", CLOSES_ITS_LISTENER));
            RecordingListener listener = new RecordingListener();
            orchestrator.apply(TestApps.deployment(app, 1, source, Map.of(), Map.of()), listener);
            RecordingListener.Report outcome = listener.awaitOutcome(LocalOrchestratorTest.DEPLOY);
            assertThat(outcome.status()).as("%s", outcome.reason().orElse("")).isEqualTo(ReleaseStatus.SUCCEEDED);
            int port = orchestrator.processes(app).types().getFirst().instances().getFirst().port().orElseThrow();
            URI url = orchestrator.webUrl(app).orElseThrow();

            try (ServerSocket squatter = new ServerSocket()) { // the test's uid (root) is not the app's
                Instant bindBy = Instant.now().plusSeconds(10);
                while (!bound(squatter, port)) {
                    assertThat(Instant.now()).as("the app closed its listener").isBefore(bindBy);
                    Thread.sleep(5);
                }
                AtomicInteger served = new AtomicInteger();
                Thread.ofVirtual().start(() -> serve(squatter, served));

                Poll.until(Duration.ofSeconds(5), "web.1 is no longer up", () -> !orchestrator.processes(app).types().getFirst()
                        .instances().getFirst().state().equals("up"));
                int before = served.get();
                for (int i = 0; i < 5; i++) {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.body()).doesNotContain("squatter");
                }
                assertThat(served.get()).as("requests the squatter got once web.1 was not up").isEqualTo(before);
            } finally {
                orchestrator.purge(app);
            }
        }
    }

    private static boolean bound(ServerSocket socket, int port) {
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void serve(ServerSocket squatter, AtomicInteger served) {
        while (!squatter.isClosed()) {
            try (Socket client = squatter.accept()) {
                client.setSoTimeout(2000);
                byte[] buf = new byte[4096];
                if (client.getInputStream().read(buf) <= 0) {
                    continue; // a probe that only connected
                }
                served.incrementAndGet();
                OutputStream out = client.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 9\r\nConnection: close\r\n\r\nsquatter\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // closed at the end of the test, or a probe that hung up
            }
        }
    }
}
