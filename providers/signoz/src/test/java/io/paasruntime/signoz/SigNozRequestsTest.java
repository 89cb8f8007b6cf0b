package io.paasruntime.signoz;

import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.telemetry.LogQuery;
import io.paasruntime.spi.telemetry.LogSource;
import io.paasruntime.spi.telemetry.MetricKind;
import io.paasruntime.spi.telemetry.MetricSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The requests the providers send match SigNoz's documented v5 shape, header included. */
class SigNozRequestsTest {
    @TempDir
    Path dataDir;
    private SigNozStub stub;
    private final AppRef app = new AppRef(UUID.randomUUID(), UUID.randomUUID(), "shop");

    @BeforeEach
    void start() throws Exception {
        stub = new SigNozStub();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLogsQueryIsARawBuilderQueryFilteredOnTheAppsResourceAttributes() throws Exception {
        Instant since = Instant.parse("2026-12-03T09:00:00.000000001Z");
        Instant until = Instant.parse("2026-12-03T10:00:00Z");
        try (LogSource logs = SigNozProviders.logs(stub, dataDir, Map.of())) {
            logs.query(app, new LogQuery(Optional.of(since), Optional.of(until), Optional.of("web"), Optional.of("it's 50%"), 100,
                    Optional.empty()));
        }

        SigNozStub.Request request = stub.lastRequest();
        assertThat(request.path()).isEqualTo("/api/v5/query_range");
        assertThat(request.apiKey()).isEqualTo(SigNozProviders.API_KEY);
        Map<String, Object> body = request.body();
        assertThat(body).containsOnlyKeys("start", "end", "requestType", "variables", "compositeQuery");
        assertThat(body.get("start")).isEqualTo(new BigDecimal(since.toEpochMilli()));
        assertThat(body.get("end")).isEqualTo(new BigDecimal(until.toEpochMilli()));
        assertThat(body.get("requestType")).isEqualTo("raw");
        Map<String, Object> query = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) body.get("compositeQuery")).get("queries")).getFirst();
        assertThat(query.get("type")).isEqualTo("builder_query");
        Map<String, Object> spec = (Map<String, Object>) query.get("spec");
        assertThat(spec).containsEntry("name", "A").containsEntry("signal", "logs").containsEntry("limit", new BigDecimal(101));
        assertThat(((Map<String, Object>) spec.get("filter")).get("expression")).isEqualTo(
                "k8s.pod.labels.paas.io/app = '" + app.appId() + "' AND k8s.pod.labels.paas.io/process = 'web'"
                        + " AND body CONTAINS 'it\\'s 50%'");
        assertThat(spec.get("order")).isEqualTo(List.of(
                Map.of("key", Map.of("name", "timestamp"), "direction", "desc"),
                Map.of("key", Map.of("name", "id"), "direction", "desc")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMetricsQueryIsATimeSeriesOfTheKindsMetricGroupedByProcess() throws Exception {
        try (MetricSource metrics = SigNozProviders.metrics(stub, dataDir, Map.of("metric.memory", "container.memory.rss",
                "resource.namespace", "paas-{tenant}"))) {
            metrics.series(app, MetricKind.MEMORY, Duration.ofHours(1), Duration.ofMinutes(1));
        }

        Map<String, Object> body = stub.lastRequest().body();
        assertThat(body.get("requestType")).isEqualTo("time_series");
        assertThat(((BigDecimal) body.get("end")).longValue() - ((BigDecimal) body.get("start")).longValue()).isEqualTo(3_600_000);
        Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) ((List<Object>) ((Map<String, Object>)
                body.get("compositeQuery")).get("queries")).getFirst()).get("spec");
        assertThat(spec).containsEntry("signal", "metrics").containsEntry("stepInterval", new BigDecimal(60));
        assertThat((List<Object>) spec.get("aggregations")).singleElement().isEqualTo(Map.of(
                "metricName", "container.memory.rss", "timeAggregation", "avg", "spaceAggregation", "sum"));
        assertThat((List<Object>) spec.get("groupBy")).singleElement().isEqualTo(Map.of(
                "name", "k8s.pod.labels.paas.io/process", "fieldContext", "resource", "fieldDataType", "string"));
        assertThat(((Map<String, Object>) spec.get("filter")).get("expression")).isEqualTo(
                "k8s.pod.labels.paas.io/app = '" + app.appId() + "' AND k8s.namespace.name = 'paas-" + app.tenantId() + "'");
    }

    @Test
    void theAppAttributeCanHoldTheAppNameAndTheKeyHeaderIsLeftOutWithoutAKey() throws Exception {
        try (LogSource logs = SigNozProviders.logs(stub, dataDir, Map.of("api-key", "", "resource.app-attribute", "service.name",
                "resource.app-value", "name"))) {
            logs.query(app, new LogQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 10, Optional.empty()));
        }

        assertThat(stub.lastRequest().apiKey()).isNull();
        assertThat(Json.write(stub.lastRequest().body())).contains("\"expression\":\"service.name = 'shop'\"");
    }

    @Test
    void restartsAreReadAsTheMaximumOfTheRunningCountAndRequestsNeedAMetric() throws Exception {
        try (MetricSource metrics = SigNozProviders.metrics(stub, dataDir, Map.of())) {
            metrics.series(app, MetricKind.RESTARTS, Duration.ofMinutes(15), Duration.ofMinutes(1));
            assertThat(Json.write(stub.lastRequest().body())).contains("\"metricName\":\"k8s.container.restarts\",\"timeAggregation\":\"max\"");
            int sent = stub.requests.size();

            assertThat(metrics.series(app, MetricKind.REQUESTS, Duration.ofMinutes(15), Duration.ofMinutes(1)).series()).isEmpty();
            assertThat(stub.requests).hasSize(sent);
        }
    }
}
