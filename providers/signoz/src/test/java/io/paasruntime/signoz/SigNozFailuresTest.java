package io.paasruntime.signoz;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.telemetry.LogLine;
import io.paasruntime.spi.telemetry.LogQuery;
import io.paasruntime.spi.telemetry.LogSource;
import io.paasruntime.spi.telemetry.MetricKind;
import io.paasruntime.spi.telemetry.MetricSource;
import io.paasruntime.tck.telemetry.RecordingSink;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way SigNoz fails becomes UNAVAILABLE with the reason, never anything else, never the key. */
class SigNozFailuresTest {
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
    void anErrorBodyIsUnavailableWithSigNozsMessage() throws Exception {
        stub.fail(SigNozStub.Fault.ERROR_BODY);
        try (LogSource logs = SigNozProviders.logs(stub, dataDir, Map.of())) {
            assertUnavailable(() -> logs.query(app, query()),
                    "SigNoz answered 400: invalid_input: failed to parse filter expression (line 1:12 unexpected token)");
        }
    }

    @Test
    void aServerErrorIsUnavailable() throws Exception {
        stub.fail(SigNozStub.Fault.SERVER_ERROR);
        try (MetricSource metrics = SigNozProviders.metrics(stub, dataDir, Map.of())) {
            assertUnavailable(() -> metrics.series(app, MetricKind.CPU, Duration.ofHours(1), Duration.ofMinutes(1)),
                    "SigNoz answered 503: internal: clickhouse is unavailable");
        }
    }

    @Test
    void aSlowAnswerTimesOutAsUnavailableWithinTheTimeout() throws Exception {
        stub.slowBy(Duration.ofSeconds(5));
        try (LogSource logs = SigNozProviders.logs(stub, dataDir, Map.of("timeout", "500ms"))) {
            long began = System.nanoTime();
            assertUnavailable(() -> logs.query(app, query()), "did not answer within 500 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws Exception {
        try (MetricSource metrics = SigNozProviders.metrics(stub, dataDir, Map.of())) {
            stub.close();
            assertUnavailable(() -> metrics.series(app, MetricKind.MEMORY, Duration.ofHours(1), Duration.ofMinutes(1)),
                    "cannot reach SigNoz at " + stub.url());
        }
    }

    @Test
    void aFollowedLogCarriesOnAfterAnOutage() throws Exception {
        stub.fail(SigNozStub.Fault.SERVER_ERROR);
        RecordingSink sink = new RecordingSink();
        try (LogSource logs = SigNozProviders.logs(stub, dataDir, Map.of());
             AutoCloseable follow = logs.follow(app, query(), sink)) {
            int before = stub.requests.size();
            Instant deadline = Instant.now().plusSeconds(5);
            while (stub.requests.size() < before + 2) { // it polls into the outage twice
                assertThat(Instant.now()).as("two polls during the outage").isBefore(deadline);
                Thread.sleep(20);
            }
            stub.fail(SigNozStub.Fault.NONE);
            stub.data.addLog(Instant.now(), "after the outage", Map.of("k8s.pod.labels.paas.io/app", app.appId().toString(),
                    "k8s.pod.labels.paas.io/process", "web", "k8s.pod.name", "web.1"), Map.of());

            LogLine line = sink.await(l -> l.message().equals("after the outage"), Duration.ofSeconds(5), "the line after the outage");
            assertThat(line.process()).isEqualTo("web");
            assertThat(line.stream()).isEqualTo("stdout");
        }
    }

    private static void assertUnavailable(ThrowableAssert.ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains(reason).doesNotContain(SigNozProviders.API_KEY);
        });
    }

    private static LogQuery query() {
        return new LogQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 100, Optional.empty());
    }
}
