package io.paasruntime.local.orchestration;

import io.paasruntime.spi.orchestration.AppProcesses;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.SourceUpload;
import io.paasruntime.spi.store.ReleaseStatus;
import io.paasruntime.tck.TestProviderContext;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients hammering an app's web_url while it is restarted, redeployed and scaled see no failed
 * request: keep-alive clients (which the router moves between instances per request) and clients
 * opening a connection per request alike.
 */
class TrafficDuringChangesTest {

    @Test
    void rollingRestartRedeployAndScalingFailNoRequest() throws Exception {
        Path dataDir = Files.createTempDirectory("local-traffic-");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Orchestrator orchestrator = LocalOrchestratorTest.create(TestProviderContext.of(dataDir));
        try {
            AppRef app = TestApps.newApp("busy");
            PreparedSource source = orchestrator.prepare(new SourceUpload.Artifact(new ByteArrayInputStream(TestApps.tgz(TestApps.hello())), 0));
            deploy(orchestrator, app, 1, source, Map.of("GREETING", "one"));
            URI url = orchestrator.webUrl(app).orElseThrow();
            Hammer keepAlive = Hammer.start(new KeepAliveClient(url));
            Hammer perConnection = Hammer.start(new ConnectionPerRequestClient(url));
            long restartMs;
            try {
                Poll.until(Duration.ofSeconds(5), "both clients got answers", () -> keepAlive.ok.get() > 0 && perConnection.ok.get() > 0);
                Instant restartAt = Instant.now();
                long began = System.nanoTime();
                orchestrator.restart(app, Optional.empty());
                Poll.until(Duration.ofSeconds(30), "every instance was replaced and is up", () -> {
                    List<AppProcesses.Instance> all = orchestrator.processes(app).types().stream().flatMap(t -> t.instances().stream()).toList();
                    return all.size() == 3 && all.stream().allMatch(i -> i.state().equals("up")
                            && i.startedAt().orElseThrow().isAfter(restartAt));
                });
                restartMs = (System.nanoTime() - began) / 1_000_000;

                deploy(orchestrator, app, 2, source, Map.of("GREETING", "two"));
                Poll.until(Duration.ofSeconds(5), "v2 answers", () -> body(url.resolve("/config")).equals("two\n"));
                orchestrator.scale(app, "web", 3);
                Poll.until(Duration.ofSeconds(10), "three web instances are up", () -> orchestrator.processes(app).types().getFirst()
                        .instances().stream().filter(i -> i.state().equals("up")).count() == 3);
                orchestrator.scale(app, "web", 1);
                Poll.until(Duration.ofSeconds(10), "one web instance is left", () ->
                        orchestrator.processes(app).types().getFirst().instances().size() == 1);
                int before = keepAlive.ok.get();
                Poll.until(Duration.ofSeconds(5), "requests still flow", () -> keepAlive.ok.get() > before);
            } finally {
                keepAlive.stop();
                perConnection.stop();
            }
            System.out.printf("figure: rolling restart of web.1, web.2, worker.1 took %d ms%n", restartMs);
            System.out.printf("figure: during restart, redeploy and scaling: keep-alive client %d ok / %d failed, "
                    + "connection-per-request client %d ok / %d failed%n", keepAlive.ok.get(), keepAlive.failed.get(),
                    perConnection.ok.get(), perConnection.failed.get());
            assertThat(keepAlive.failures).isEmpty();
            assertThat(perConnection.failures).isEmpty();
            assertThat(keepAlive.ok.get()).isGreaterThan(100);
            assertThat(perConnection.ok.get()).isGreaterThan(100);
        } finally {
            orchestrator.close();
            FileTrees.deleteRecursively(dataDir);
        }
    }

    private static void deploy(Orchestrator orchestrator, AppRef app, int version, PreparedSource source, Map<String, String> env) {
        RecordingListener listener = new RecordingListener();
        orchestrator.apply(TestApps.deployment(app, version, source, Map.of("web", 2), env), listener);
        RecordingListener.Report outcome = listener.awaitOutcome(LocalOrchestratorTest.DEPLOY);
        assertThat(outcome.status()).as("v%d: %s", version, outcome.reason()).isEqualTo(ReleaseStatus.SUCCEEDED);
    }

    private static String body(URI uri) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    /** One client's request: returns the response body, throws on anything but 200. */
    private interface Client {
        String request() throws Exception;
    }

    private record KeepAliveClient(URI url, HttpClient http) implements Client {
        KeepAliveClient(URI url) {
            this(url, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        }

        @Override
        public String request() throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve("/")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("status " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }

    private record ConnectionPerRequestClient(URI url) implements Client {
        @Override
        public String request() throws Exception {
            try (Socket socket = new Socket(url.getHost(), url.getPort())) {
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                out.write("GET / HTTP/1.1\r\nHost: app\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                InputStream in = socket.getInputStream();
                String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                if (!response.startsWith("HTTP/1.1 200 ") || !response.contains("\r\n\r\nHello from web.")) {
                    throw new IllegalStateException("unexpected response: " + response);
                }
                return response;
            }
        }
    }

    /** Sends requests in a loop on a virtual thread, counting answers and keeping failures. */
    private static final class Hammer {
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        static Hammer start(Client client) {
            Hammer hammer = new Hammer();
            hammer.thread = Thread.ofVirtual().start(() -> {
                while (hammer.running.get()) {
                    try {
                        client.request();
                        hammer.ok.incrementAndGet();
                    } catch (Exception e) {
                        hammer.failed.incrementAndGet();
                        hammer.failures.add(e.toString());
                    }
                }
            });
            return hammer;
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(Duration.ofSeconds(10));
        }
    }
}
