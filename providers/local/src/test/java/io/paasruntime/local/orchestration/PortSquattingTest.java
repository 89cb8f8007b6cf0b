package io.paasruntime.local.orchestration;

import io.paasruntime.spi.orchestration.AppProcesses;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.store.ReleaseStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web instance's {@code PORT} is free when it is handed out, but anything on the machine may bind
 * it before the instance does (another tenant's app polling the port range, or a process it left
 * behind), or once the instance closed its listener while running on (a server thread that died, a
 * reload that binds anew). The instance is up, and gets its app's requests, only while the process
 * answering on its port runs as its app's uid: a squatter never sees them, or at most for about
 * a second after it took the port over.
 */
class PortSquattingTest {
    private static final String CLOSES_ITS_LISTENER = "web: exec python3 -c 'import os, socket, time; s = socket.socket(); "
            + "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind((\"127.0.0.1\", int(os.environ[\"PORT\"]))); "
            + "s.listen(16); time.sleep(3); s.close(); time.sleep(600)'\n";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aProcessOfAnotherUidListeningOnAnInstancesPortGetsNoneOfTheAppsRequests() throws Exception {
        try (FreshOrchestrator runtime = FreshOrchestrator.asRoot("port-squatting-")) {
            Orchestrator orchestrator = runtime.orchestrator;
            RecordingListener listener = new RecordingListener();
            AppRef app = deployVictim(runtime, "web: exec sleep 600\n", listener);
            AtomicReference<Integer> port = new AtomicReference<>();
            Poll.until(Duration.ofSeconds(10), "web.1 has its PORT", () -> {
                Optional<Integer> p = orchestrator.processes(app).types().stream().flatMap(t -> t.instances().stream())
                        .findFirst().flatMap(AppProcesses.Instance::port); // none listed at first
                p.ifPresent(port::set);
                return p.isPresent();
            });

            try (ServerSocket squatter = new ServerSocket()) { // the test's uid (root) is not the app's
                squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port.get()));
                AtomicInteger served = serve(squatter);

                RecordingListener.Report outcome = listener.awaitOutcome(LocalOrchestratorTest.DEPLOY);
                assertThat(outcome.status()).as("the release is not up on a port someone else answers")
                        .isEqualTo(ReleaseStatus.FAILED);
                assertRouterAvoidsSquatter(orchestrator, app, served, 0);
            } finally {
                orchestrator.purge(app);
            }
        }
    }

    @Test
    void aProcessOfAnotherUidThatTakesOverAnUpInstancesPortSoonGetsNoMoreRequests() throws Exception {
        try (FreshOrchestrator runtime = FreshOrchestrator.asRoot("port-takeover-")) {
            Orchestrator orchestrator = runtime.orchestrator;
            RecordingListener listener = new RecordingListener();
            AppRef app = deployVictim(runtime, CLOSES_ITS_LISTENER, listener);
            RecordingListener.Report outcome = listener.awaitOutcome(LocalOrchestratorTest.DEPLOY);
            assertThat(outcome.status()).as("%s", outcome.reason().orElse("")).isEqualTo(ReleaseStatus.SUCCEEDED);
            int port = web1(orchestrator, app).port().orElseThrow();

            try (ServerSocket squatter = new ServerSocket()) { // the test's uid (root) is not the app's
                Instant bindBy = Instant.now().plusSeconds(10);
                while (!bound(squatter, port)) { // as soon as the app closed its listener
                    assertThat(Instant.now()).as("the app closed its listener").isBefore(bindBy);
                    Thread.sleep(5);
                }
                AtomicInteger served = serve(squatter);

                Poll.until(Duration.ofSeconds(5), "web.1 is no longer up", () -> !web1(orchestrator, app).state().equals("up"));
                assertRouterAvoidsSquatter(orchestrator, app, served, served.get());
            } finally {
                orchestrator.purge(app);
            }
        }
    }

    private static AppRef deployVictim(FreshOrchestrator runtime, String procfile, RecordingListener listener) throws IOException {
        AppRef app = TestApps.newApp("victim");
        runtime.orchestrator.apply(TestApps.deployment(app, 1, runtime.prepare(Map.of("Procfile", procfile)), Map.of(), Map.of()),
                listener);
        return app;
    }

    private static AppProcesses.Instance web1(Orchestrator orchestrator, AppRef app) {
        return orchestrator.processes(app).types().getFirst().instances().getFirst();
    }

    /** Requests through the app's router reach neither the squatter nor its count beyond {@code servedBefore}. */
    private void assertRouterAvoidsSquatter(Orchestrator orchestrator, AppRef app, AtomicInteger served, int servedBefore)
            throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(orchestrator.webUrl(app).orElseThrow())
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).doesNotContain("squatter");
        }
        assertThat(served.get()).as("requests the squatter got").isEqualTo(servedBefore);
    }

    private static boolean bound(ServerSocket socket, int port) {
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Answers every request on {@code squatter} with "squatter" on a thread of its own; counts them. */
    private static AtomicInteger serve(ServerSocket squatter) {
        AtomicInteger served = new AtomicInteger();
        Thread.ofVirtual().start(() -> {
            while (!squatter.isClosed()) {
                try (Socket client = squatter.accept()) {
                    client.setSoTimeout(2000);
                    if (client.getInputStream().read(new byte[4096]) <= 0) {
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
        });
        return served;
    }
}
