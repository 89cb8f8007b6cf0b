package io.paasruntime.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's acceptance on the real server with the local providers: the example app's request
 * lines in {@code GET …/logs} with their process and instance, a followed log that shows a new
 * request within a second, memory per process type from /proc, and a crash counted in restarts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogsAndMetricsTest {
    private static final String TS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z";

    @TempDir
    static Path dataDir;
    static TestServer api;
    static String token;
    static String webUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void deployTheExampleApp() throws Exception {
        // the apps run as another user, who must be able to pass through the data directory
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx--x--x"));
        api = TestServer.start(dataDir, Map.of("metrics.interval", "1s"));
        token = api.signupAndLogin("logs@example.com", "logs-pw-123", "loggers");
        assertThat(api.post("/v1/apps", token, "{\"name\":\"hello\"}").status()).isEqualTo(201);
        TestServer.Response deploy = api.send(HttpRequest.newBuilder(api.uri("/v1/apps/hello/deploys"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(helloArtifact())).build());
        assertThat(deploy.status()).as(deploy.body()).isEqualTo(201);
        webUrl = await(Duration.ofSeconds(60), "v1 serving with a web_url", () -> {
            JsonNode app = api.get("/v1/apps/hello", token).json();
            return app.at("/current_release/version").asInt() == 1 && !app.get("web_url").isNull() ? app.get("web_url").asText() : null;
        });
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    @Order(1)
    void threeRequestsShowUpAsLinesOfWebOne() throws Exception {
        for (int i = 1; i <= 3; i++) {
            assertThat(get(webUrl + "/?visit=" + i).statusCode()).isEqualTo(200);
        }

        JsonNode lines = await(Duration.ofSeconds(10), "three request lines", () -> {
            JsonNode page = api.get("/v1/apps/hello/logs?process=web&q=visit%3D", token).json().get("lines");
            return page.size() == 3 ? page : null;
        });

        for (int i = 0; i < 3; i++) {
            JsonNode line = lines.get(i);
            assertThat(line.get("process").asText()).isEqualTo("web");
            assertThat(line.get("instance").asText()).isEqualTo("web.1");
            assertThat(line.get("stream").asText()).isEqualTo("stdout");
            assertThat(line.get("message").asText()).isEqualTo("web.1 \"GET /?visit=" + (i + 1) + " HTTP/1.1\" 200");
            assertThat(line.get("ts").asText()).matches(TS);
        }
        JsonNode latest = api.get("/v1/apps/hello/logs", token).json();
        assertThat(latest.get("lines").size()).isBetween(4, 100);
        assertThat(latest.get("lines").findValuesAsText("message")).contains("v1 is serving");
        List<String> ts = latest.get("lines").findValuesAsText("ts");
        assertThat(ts).isSortedAccordingTo(String::compareTo);
    }

    @Test
    @Order(2)
    void aFollowedLogShowsANewRequestLineWithinASecond() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(api.uri("/v1/apps/hello/logs?follow=true&process=web"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Stream<String> body = response.body();
        Thread.ofVirtual().start(() -> body.forEach(events::add));
        try {
            assertThat(next(events, l -> l.startsWith(":"), Duration.ofSeconds(5))).as("the opening comment").isNotNull();

            get(webUrl + "/?followed=1");
            Instant answered = Instant.now();
            String event = next(events, l -> l.startsWith("data:") && l.contains("followed=1"), Duration.ofSeconds(1));

            assertThat(event).as("the request line within 1 s of the answer").isNotNull();
            assertThat(Duration.between(answered, Instant.now())).isLessThan(Duration.ofSeconds(1));
            JsonNode line = TestServer.JSON.readTree(event.substring("data:".length()).trim());
            assertThat(line.get("process").asText()).isEqualTo("web");
            assertThat(line.get("instance").asText()).isEqualTo("web.1");
            assertThat(line.get("ts").asText()).matches(TS);
        } finally {
            body.close(); // the client leaves; the server ends the stream at its next write
        }
    }

    @Test
    @Order(3)
    void memoryShowsTheResidentSetOfEachProcessType() throws Exception {
        JsonNode metrics = await(Duration.ofSeconds(20), "memory samples of web and worker", () -> {
            JsonNode m = api.get("/v1/apps/hello/metrics?range=5m&kind=memory", token).json();
            return m.get("series").findValuesAsText("process").containsAll(List.of("web", "worker")) ? m : null;
        });

        assertThat(metrics.get("kind").asText()).isEqualTo("memory");
        assertThat(metrics.get("unit").asText()).isEqualTo("bytes");
        assertThat(metrics.get("range").asText()).isEqualTo("5m");
        assertThat(metrics.get("step_seconds").asInt()).isEqualTo(10);
        for (JsonNode series : metrics.get("series")) {
            JsonNode last = series.get("points").get(series.get("points").size() - 1);
            assertThat(last.get(0).asText()).matches("\\d{4}-.*Z");
            assertThat(last.get(1).asDouble()).as("RSS of %s", series.get("process")).isGreaterThan(1_000_000);
        }
        JsonNode cpu = api.get("/v1/apps/hello/metrics?range=5m&kind=cpu", token).json();
        assertThat(cpu.get("unit").asText()).isEqualTo("percent");
    }

    @Test
    @Order(4)
    void aCrashOfTheWebProcessIsCountedInRestarts() throws Exception {
        long pid = webProcessPid();
        assertThat(new ProcessBuilder("kill", "-KILL", Long.toString(pid)).start().waitFor()).isZero();

        JsonNode restarts = await(Duration.ofSeconds(20), "one web restart counted", () -> {
            JsonNode m = api.get("/v1/apps/hello/metrics?range=5m&kind=restarts", token).json();
            for (JsonNode series : m.get("series")) {
                double sum = 0;
                for (JsonNode point : series.get("points")) {
                    sum += point.get(1).asDouble();
                }
                if (series.get("process").asText().equals("web") && sum == 1) {
                    return m;
                }
            }
            return null;
        });
        assertThat(restarts.get("unit").asText()).isEqualTo("count");
        assertThat(api.get("/v1/apps/hello/logs?process=runtime&q=web.1%20crashed", token).json().get("lines").size()).isEqualTo(1);
    }

    @Test
    void badInputsAreRefusedNamingTheField() {
        api.get("/v1/apps/hello/logs?since=garbage", token).assertInvalid("since");
        api.get("/v1/apps/hello/logs?until=yesterday", token).assertInvalid("until");
        api.get("/v1/apps/hello/logs?limit=0", token).assertInvalid("limit");
        api.get("/v1/apps/hello/logs?limit=5000", token).assertInvalid("limit");
        api.get("/v1/apps/hello/logs?cursor=forged", token).assertInvalid("cursor");
        api.get("/v1/apps/hello/logs?follow=maybe", token).assertInvalid("follow");
        api.get("/v1/apps/hello/metrics?kind=bogus", token).assertInvalid("kind");
        api.get("/v1/apps/hello/metrics?range=99y", token).assertInvalid("range");
        api.get("/v1/apps/hello/metrics?range=1h&step=1ms", token).assertInvalid("step");
        TestServer.Response range = api.get("/v1/apps/hello/metrics?range=2h", token);
        assertThat(range.json().at("/error/details/0/problem").asText()).isEqualTo("must be one of 5m, 15m, 1h, 6h, 24h, 7d");
    }

    @Test
    void anotherTenantsAppIsNotFound() {
        String stranger = api.signupAndLogin("stranger@example.com", "stranger-pw-1", "strangers");
        api.get("/v1/apps/hello/logs", stranger).assertError(404, "not_found");
        api.get("/v1/apps/hello/logs?follow=true", stranger).assertError(404, "not_found");
        api.get("/v1/apps/hello/metrics?range=5m&kind=memory", stranger).assertError(404, "not_found");
    }

    /** The pid of the example app's python web process, found by its environment (PS=web.1, PAAS_APP=hello). */
    private static long webProcessPid() throws IOException {
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try {
                    String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                    String environ = new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8);
                    List<String> env = List.of(environ.split("\0"));
                    if (cmdline.startsWith("python3 server.py") && env.contains("PS=web.1") && env.contains("PAAS_APP=hello")
                            && Files.readSymbolicLink(proc.resolve("cwd")).startsWith(dataDir.toRealPath())) {
                        return Long.parseLong(proc.getFileName().toString());
                    }
                } catch (IOException e) {
                    // a process that ended or that we may not read
                }
            }
        }
        throw new AssertionError("no python web process of hello found in /proc");
    }

    private static String next(BlockingQueue<String> events, Predicate<String> wanted, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<String> skipped = new ArrayList<>();
        while (true) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            String line = events.poll(Math.max(0, left), TimeUnit.MILLISECONDS);
            if (line == null) {
                return null;
            }
            if (wanted.test(line)) {
                return line;
            }
            skipped.add(line);
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls {@code probe} until it answers non-null; fails after {@code timeout}. */
    private static <T> T await(Duration timeout, String what, ThrowingSupplier<T> probe) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            assertThat(Instant.now()).as("%s within %d s", what, timeout.toSeconds()).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private static byte[] helloArtifact() throws IOException, InterruptedException {
        Path tarball = dataDir.resolve("hello.tgz");
        Process tar = new ProcessBuilder("tar", "-czf", tarball.toString(), "-C", "../examples/apps/hello", ".")
                .inheritIO().start();
        assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).isZero();
        return Files.readAllBytes(tarball);
    }
}
