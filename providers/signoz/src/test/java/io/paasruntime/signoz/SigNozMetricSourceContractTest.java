package io.paasruntime.signoz;

import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.telemetry.MetricKind;
import io.paasruntime.spi.telemetry.MetricSource;
import io.paasruntime.tck.telemetry.MetricSourceContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The SigNoz metric source passes the metrics contract against the stub. Samples are stored as the
 * OpenTelemetry Kubernetes metrics are: CPU in cores, memory in bytes, and restarts as each
 * container's running count, reported (as 0) from the instance's first sample on.
 */
class SigNozMetricSourceContractTest extends MetricSourceContractTest {
    @TempDir
    Path dataDir;
    private SigNozStub stub;
    private final Map<String, Double> restartCounts = new HashMap<>();

    @Override
    protected MetricSource newSource() {
        try {
            stub = new SigNozStub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SigNozProviders.metrics(stub, dataDir, Map.of());
    }

    @Override
    protected void emit(AppRef app, String process, String instance, MetricKind kind, Instant at, double value) {
        Map<String, String> pod = Map.of("k8s.pod.labels.paas.io/app", app.appId().toString(),
                "k8s.pod.labels.paas.io/process", process, "k8s.pod.name", instance);
        String key = app.appId() + "/" + instance;
        switch (kind) {
            case CPU -> stub.data.addSample("k8s.pod.cpu.utilization", pod, at, value / 100);
            case MEMORY -> stub.data.addSample("k8s.pod.memory.working_set", pod, at, value);
            case RESTARTS -> stub.data.addSample("k8s.container.restarts", pod, at, restartCounts.merge(key, value, Double::sum));
            case REQUESTS -> throw new UnsupportedOperationException("no requests metric configured");
        }
        if (kind != MetricKind.RESTARTS && !restartCounts.containsKey(key)) {
            restartCounts.put(key, 0.0);
            stub.data.addSample("k8s.container.restarts", pod, at, 0);
        }
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }
}
