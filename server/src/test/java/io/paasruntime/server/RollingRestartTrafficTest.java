package io.paasruntime.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3's acceptance: two clients hammer the example app's web_url while its web instances are
 * replaced — a rolling restart, a config change that rolls a new release, scaling 2 → 3 → 1 — and
 * not one request fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollingRestartTrafficTest {
    private static final String APP = "traffic";

    @TempDir
    static Path dataDir;
    static TestServer api;
    static String token;
    static String webUrl;

    @BeforeAll
    static void deployTwoWebInstances() throws Exception {
        // the apps run as another user, who must be able to pass through the data directory
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx--x--x"));
        api = TestServer.start(dataDir, Map.of());
        token = api.signupAndLogin("traffic@example.com", "traffic-pw-1", "traffickers");
        assertThat(api.post("/v1/apps", token, "{\"name\":\"" + APP + "\"}").status()).isEqualTo(201);
        TestServer.Response deploy = api.send(HelloApp.deployRequest(api.uri("/"), token, APP, HelloApp.artifact(dataDir)).build());
        assertThat(deploy.status()).as(deploy.body()).isEqualTo(201);
        webUrl = HelloApp.awaitCurrent(path -> api.get(path, token), APP, 1).get("web_url").asText();
        scale("web", 2);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    @Order(1)
    void aRollingRestartReplacesBothWebInstancesWithoutAFailedRequest() throws Exception {
        Set<String> before = webStartTimes(processes());

        Counts counts = underTraffic("rolling restart", () -> {
            expect(202, api.post("/v1/apps/" + APP + "/restart", token, null));
            awaitWebReplaced(before, 2);
        });

        assertThat(counts.failures()).as("failed requests during the restart: %s", counts.firstFailures()).isZero();
        assertThat(counts.successes()).isPositive();
    }

    @Test
    @Order(2)
    void aConfigChangeRollsANewReleaseWithoutAFailedRequest() throws Exception {
        Set<String> before = webStartTimes(processes());

        Counts counts = underTraffic("config change", () -> {
            expect(200, api.patch("/v1/apps/" + APP + "/config", token, "{\"GREETING\":\"rolled\"}"));
            HelloApp.awaitCurrent(path -> api.get(path, token), APP, 2);
            awaitWebReplaced(before, 2);
        });

        assertThat(counts.failures()).as("failed requests during the config change: %s", counts.firstFailures()).isZero();
        assertThat(counts.successes()).isPositive();
        assertThat(get(webUrl + "/config").body()).isEqualTo("rolled\n");
    }

    @Test
    @Order(3)
    void scalingWebTwoToThreeToOneFailsNoRequest() throws Exception {
        Counts counts = underTraffic("scale web 2 -> 3 -> 1", () -> {
            scale("web", 3);
            scale("web", 1);
        });

        assertThat(counts.failures()).as("failed requests while scaling: %s", counts.firstFailures()).isZero();
        assertThat(counts.successes()).isPositive();
        assertThat(HelloApp.instances(processes(), "web")).hasSize(1);
    }

    private static void scale(String type, int replicas) throws Exception {
        expect(200, api.patch("/v1/apps/" + APP + "/processes/" + type, token, "{\"replicas\":" + replicas + "}"));
        Await.until(Duration.ofSeconds(60), replicas + " " + type + " instances up",
                () -> HelloApp.allUp(processes(), type, replicas) ? Boolean.TRUE : null);
    }

    /** Waits until the app has {@code count} web instances, all up, none started at a time in {@code before}. */
    private static void awaitWebReplaced(Set<String> before, int count) throws Exception {
        Await.until(Duration.ofSeconds(90), "every web instance replaced", () -> {
            JsonNode processes = processes();
            return HelloApp.allUp(processes, "web", count)
                    && webStartTimes(processes).stream().noneMatch(before::contains) ? processes : null;
        });
    }

    private static Set<String> webStartTimes(JsonNode processes) {
        return HelloApp.instances(processes, "web").stream().map(i -> i.get("started_at").asText()).collect(Collectors.toSet());
    }

    private static void expect(int status, TestServer.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }

    private static JsonNode processes() {
        return api.get("/v1/apps/" + APP + "/processes", token).json();
    }

    @FunctionalInterface
    interface Change {
        void run() throws Exception;
    }

    /**
     * Runs {@code change} while two clients send GET requests to the web_url in a loop; answers how many
     * answered 200 and how many did not (another status or an I/O error). The clients keep going for
     * a little while after the change, so what it leaves behind is exercised too.
     */
    private static Counts underTraffic(String what, Change change) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong successes = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        Queue<String> firstFailures = new ConcurrentLinkedQueue<>();
        List<Thread> clients = List.of(1, 2).stream().map(n -> Thread.ofPlatform().name("client-" + n).start(() -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(webUrl + "/")).timeout(Duration.ofSeconds(10)).build();
            while (running.get()) {
                String failure;
                try {
                    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                    failure = r.statusCode() == 200 ? null : r.statusCode() + " " + r.body().strip();
                } catch (Exception e) {
                    failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                if (failure == null) {
                    successes.incrementAndGet();
                } else if (failures.incrementAndGet() <= 5) {
                    firstFailures.add(failure);
                }
            }
        })).toList();
        try {
            Await.until(Duration.ofSeconds(10), "the clients' first answers", () -> successes.get() >= 10 ? Boolean.TRUE : null);
            change.run();
            long after = successes.get() + failures.get();
            Await.until(Duration.ofSeconds(10), "requests after the change",
                    () -> successes.get() + failures.get() >= after + 50 ? Boolean.TRUE : null);
        } finally {
            running.set(false);
            for (Thread client : clients) {
                client.join();
            }
        }
        Counts counts = new Counts(successes.get(), failures.get(), List.copyOf(firstFailures));
        System.out.printf("%s: %d requests answered 200, %d failed %s%n", what, counts.successes(), counts.failures(),
                counts.firstFailures());
        return counts;
    }

    record Counts(long successes, long failures, List<String> firstFailures) {
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
