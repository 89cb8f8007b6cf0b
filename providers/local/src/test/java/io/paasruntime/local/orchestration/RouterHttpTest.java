package io.paasruntime.local.orchestration;

import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.SourceUpload;
import io.paasruntime.spi.store.ReleaseStatus;
import io.paasruntime.tck.TestProviderContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The router speaks HTTP/1.1 properly between clients and an app: bodies, framings, bad requests. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouterHttpTest {
    private static final String ECHO_APP = """
            import os
            from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

            class Handler(BaseHTTPRequestHandler):
                protocol_version = "HTTP/1.1"

                def do_POST(self):
                    body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.send_header("X-Seen-Forwarded-For", self.headers.get("X-Forwarded-For", ""))
                    self.send_header("X-Seen-Connection", self.headers.get("Connection", ""))
                    self.end_headers()
                    self.wfile.write(body)

                def do_GET(self):
                    if self.path == "/chunked":
                        self.send_response(200)
                        self.send_header("Transfer-Encoding", "chunked")
                        self.end_headers()
                        for part in (b"one,", b"two,", b"three"):
                            self.wfile.write(b"%x\\r\\n%s\\r\\n" % (len(part), part))
                        self.wfile.write(b"0\\r\\n\\r\\n")
                    else:
                        self.close_connection = True
                        self.send_response(200)
                        self.end_headers()
                        self.wfile.write(b"body until close")

            ThreadingHTTPServer(("127.0.0.1", int(os.environ["PORT"])), Handler).serve_forever()
            """;

    private Path dataDir;
    private Orchestrator orchestrator;
    private URI url;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void deployEchoApp() throws IOException {
        dataDir = Files.createTempDirectory("local-router-");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        orchestrator = LocalOrchestratorTest.create(TestProviderContext.of(dataDir));
        Path app = TestApps.write(Files.createDirectories(dataDir.resolve("sources")),
                Map.of("Procfile", "web: python3 echo.py\n", "echo.py", ECHO_APP));
        PreparedSource source = orchestrator.prepare(new SourceUpload.Artifact(new ByteArrayInputStream(TestApps.tgz(app)), 0));
        AppRef ref = TestApps.newApp("echo");
        RecordingListener listener = new RecordingListener();
        orchestrator.apply(TestApps.deployment(ref, 1, source, Map.of(), Map.of()), listener);
        assertThat(listener.awaitOutcome(LocalOrchestratorTest.DEPLOY).status()).isEqualTo(ReleaseStatus.SUCCEEDED);
        url = orchestrator.webUrl(ref).orElseThrow();
    }

    @AfterAll
    void stop() throws Exception {
        orchestrator.close();
        FileTrees.deleteRecursively(dataDir);
    }

    @Test
    void forwardsRequestBodiesAndSaysWhoAsked() throws Exception {
        String body = "x".repeat(200_000);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve("/echo"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.headers().firstValue("X-Seen-Forwarded-For")).contains("127.0.0.1");
        assertThat(response.headers().firstValue("X-Seen-Connection")).contains("close");
    }

    @Test
    void passesChunkedAndCloseDelimitedResponsesOn() throws Exception {
        assertThat(http.send(HttpRequest.newBuilder(url.resolve("/chunked")).build(), HttpResponse.BodyHandlers.ofString()).body())
                .isEqualTo("one,two,three");
        HttpResponse<String> untilClose = http.send(HttpRequest.newBuilder(url.resolve("/close")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(untilClose.body()).isEqualTo("body until close");
        assertThat(untilClose.headers().firstValue("Connection")).contains("close");
    }

    @Test
    void unchunksForHttp10Clients() throws IOException {
        String response = raw("GET /chunked HTTP/1.0\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200 ").doesNotContainIgnoringCase("transfer-encoding").endsWith("\r\n\r\none,two,three");
    }

    @Test
    void refusesMalformedRequests() throws IOException {
        assertThat(raw("this is not http\r\n\r\n")).startsWith("HTTP/1.1 400 ");
        assertThat(raw("POST /echo HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")).startsWith("HTTP/1.1 400 ");
        assertThat(raw("GET / HTTP/1.1\r\nX-Big: " + "a".repeat(70_000) + "\r\n\r\n")).startsWith("HTTP/1.1 431 ");
    }

    private String raw(String request) throws IOException {
        return RawHttp.exchange(url, request);
    }
}
