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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web instance's {@code PORT} is free when it is handed out, but anything on the machine may bind
 * it before the instance does: another tenant's app, polling the port range, or a process it left
 * behind. The instance is up, and gets its app's requests, only when the process answering on its
 * port runs as its app's uid; a squatter never sees them.
 */
class PortSquattingTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aProcessOfAnotherUidListeningOnAnInstancesPortGetsNoneOfTheAppsRequests() throws Exception {
        try (FreshOrchestrator runtime = FreshOrchestrator.asRoot("port-squatting-")) {
            Orchestrator orchestrator = runtime.orchestrator;
            AppRef app = TestApps.newApp("victim");
            PreparedSource source = runtime.prepare(Map.of("Procfile", "web: exec sleep 600\n"));
            RecordingListener listener = new RecordingListener();
            orchestrator.apply(TestApps.deployment(app, 1, source, Map.of(), Map.of()), listener);
            AtomicReference<Integer> port = new AtomicReference<>();
            Poll.until(Duration.ofSeconds(10), "web.1 has its PORT", () -> {
                Optional<Integer> p = orchestrator.processes(app).types().stream().flatMap(t -> t.instances().stream())
                        .findFirst().flatMap(AppProcesses.Instance::port);
                p.ifPresent(port::set);
                return p.isPresent();
            });

            try (ServerSocket squatter = new ServerSocket()) { // the test's uid (root) is not the app's
                squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port.get()));
                Thread.ofVirtual().start(() -> serve(squatter));

                RecordingListener.Report outcome = listener.awaitOutcome(LocalOrchestratorTest.DEPLOY);
                assertThat(outcome.status()).as("the release is not up on a port someone else answers")
                        .isEqualTo(ReleaseStatus.FAILED);
                URI url = orchestrator.webUrl(app).orElseThrow();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.body()).doesNotContain("squatter");
            } finally {
                orchestrator.purge(app);
            }
        }
    }

    private static void serve(ServerSocket squatter) {
        while (!squatter.isClosed()) {
            try (Socket client = squatter.accept()) {
                client.setSoTimeout(2000);
                byte[] buf = new byte[4096];
                client.getInputStream().read(buf);
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
