package io.paasruntime.local.orchestration;

import io.paasruntime.local.telemetry.LocalMetricSourceFactory;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.SourceUpload;
import io.paasruntime.spi.store.ReleaseStatus;
import io.paasruntime.spi.telemetry.MetricKind;
import io.paasruntime.spi.telemetry.MetricSeries;
import io.paasruntime.spi.telemetry.MetricSource;
import io.paasruntime.tck.TestProviderContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local metric source's {@code requests} come from the app's router, real processes behind it:
 * each answered request counts once, the router's own 503 included, apps apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouterRequestCountsTest {
    private static final Duration RANGE = Duration.ofMinutes(5);
    private static final Duration STEP = Duration.ofSeconds(1);

    private Path dataDir;
    private Orchestrator orchestrator;
    private MetricSource metrics;
    private PreparedSource hello;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    void start() throws IOException {
        dataDir = Files.createTempDirectory("local-request-counts-");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        TestProviderContext context = TestProviderContext.of(dataDir); // one process table for both providers
        orchestrator = LocalOrchestratorTest.create(context);
        LocalMetricSourceFactory factory = new LocalMetricSourceFactory();
        metrics = factory.create(ProviderConfig.of("metrics", Map.of("interval", "1s"), factory.configKeys()), context);
        hello = orchestrator.prepare(new SourceUpload.Artifact(new ByteArrayInputStream(TestApps.tgz(TestApps.hello())), 0));
    }

    @AfterAll
    void stop() throws Exception {
        metrics.close();
        orchestrator.close();
        FileTrees.deleteRecursively(dataDir);
    }

    @Test
    void everyRequestTheRouterAnsweredCountsOnceForItsOwnAppOnly() throws Exception {
        AppRef counted = deploy("counted");
        AppRef other = deploy("other");
        URI url = orchestrator.webUrl(counted).orElseThrow();
        for (int i = 0; i < 20; i++) { // one keep-alive connection
            assertThat(http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 5; i++) { // a connection each
            assertThat(RawHttp.exchange(url, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200 ");
        }
        URI otherUrl = orchestrator.webUrl(other).orElseThrow();
        for (int i = 0; i < 3; i++) {
            assertThat(http.send(HttpRequest.newBuilder(otherUrl).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }

        Poll.until(Duration.ofSeconds(15), "25 requests of app counted", () -> requests(counted) == 25);
        Instant reached = Instant.now();
        // two more sampling passes: the same requests are not counted again, idle seconds are zeros
        Poll.until(Duration.ofSeconds(15), "two more samples", () -> lastPointAt(counted).isAfter(reached.plusSeconds(2)));
        assertThat(requests(counted)).isEqualTo(25);
        assertThat(series(counted).series()).singleElement().satisfies(web -> {
            assertThat(web.process()).isEqualTo("web");
            assertThat(web.points().getLast().value()).isZero();
        });
        Poll.until(Duration.ofSeconds(15), "3 requests of the other app counted", () -> requests(other) == 3);
        orchestrator.purge(counted);
        orchestrator.purge(other);
    }

    @Test
    void theRoutersOwn503WhileNoWebProcessIsUpCounts() throws Exception {
        AppRef scaledDown = deploy("scaled-down");
        orchestrator.scale(scaledDown, "web", 0); // the router stays, its pool is empty at once
        URI url = orchestrator.webUrl(scaledDown).orElseThrow();

        assertThat(RawHttp.exchange(url, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 503 ");
        assertThat(RawHttp.exchange(url, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 503 ");
        assertThat(RawHttp.exchange(url, "not http\r\n\r\n")).startsWith("HTTP/1.1 400 ");

        Poll.until(Duration.ofSeconds(15), "the router's three answers counted", () -> requests(scaledDown) == 3);
        orchestrator.purge(scaledDown);
    }

    private AppRef deploy(String name) {
        AppRef app = TestApps.newApp(name);
        RecordingListener listener = new RecordingListener();
        orchestrator.apply(TestApps.deployment(app, 1, hello, Map.of("worker", 0), Map.of()), listener);
        assertThat(listener.awaitOutcome(LocalOrchestratorTest.DEPLOY).status()).isEqualTo(ReleaseStatus.SUCCEEDED);
        return app;
    }

    private MetricSeries series(AppRef app) {
        return metrics.series(app, MetricKind.REQUESTS, RANGE, STEP);
    }

    private double requests(AppRef app) {
        return series(app).series().stream().flatMap(s -> s.points().stream()).mapToDouble(MetricSeries.Point::value).sum();
    }

    private Instant lastPointAt(AppRef app) {
        List<MetricSeries.Point> points = series(app).series().stream().flatMap(s -> s.points().stream()).toList();
        return points.isEmpty() ? Instant.EPOCH : points.getLast().ts();
    }
}
