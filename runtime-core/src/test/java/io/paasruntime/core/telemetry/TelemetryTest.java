package io.paasruntime.core.telemetry;

import io.paasruntime.core.CoreFixture;
import io.paasruntime.core.errors.NotFound;
import io.paasruntime.core.errors.Unavailable;
import io.paasruntime.core.errors.ValidationFailed;
import io.paasruntime.core.support.Caller;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.telemetry.LogLine;
import io.paasruntime.spi.telemetry.LogPage;
import io.paasruntime.spi.telemetry.LogQuery;
import io.paasruntime.spi.telemetry.LogSink;
import io.paasruntime.spi.telemetry.LogSource;
import io.paasruntime.spi.telemetry.MetricKind;
import io.paasruntime.spi.telemetry.MetricSeries;
import io.paasruntime.spi.telemetry.MetricSource;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelemetryTest {
    private final CoreFixture core = new CoreFixture();
    private final RecordingSources sources = new RecordingSources();
    private final Telemetry telemetry = new Telemetry(core.apps, Optional.of(sources), Optional.of(sources), core.clock);
    private Caller ada;

    @BeforeEach
    void setUp() {
        ada = core.newTenantCaller("ada@example.com");
        core.apps.create(ada, "hello", Optional.empty());
    }

    @Test
    void theLastHundredLinesByDefaultWithNanosecondTimestamps() {
        sources.page = new LogPage(List.of(new LogLine(Instant.parse("2026-12-03T09:59:00.000001Z"), "web", "web.1", "stdout", "GET /")),
                Optional.of("c1"));

        LogsView view = telemetry.logs(ada, "hello", LogRequest.latest());

        assertThat(sources.query).isEqualTo(new LogQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                100, Optional.empty()));
        assertThat(sources.app.appName()).isEqualTo("hello");
        assertThat(view.lines()).containsExactly(new LogsView.LineView("2026-12-03T09:59:00.000001000Z", "web", "web.1", "stdout", "GET /"));
        assertThat(view.nextCursor()).isEqualTo("c1");
    }

    @Test
    void sinceAndUntilTakeRfc3339OrADurationBackFromNow() {
        telemetry.logs(ada, "hello", request("15m", "2026-12-03T11:00:00+01:00", "worker", "boom", "20", "c"));

        assertThat(sources.query).isEqualTo(new LogQuery(Optional.of(Instant.parse("2026-12-03T09:45:00Z")),
                Optional.of(Instant.parse("2026-12-03T10:00:00Z")), Optional.of("worker"), Optional.of("boom"), 20, Optional.of("c")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "garbage|     |      |  |      |since",
            "       |99y  |      |  |      |until",
            "5m     |10m  |      |  |      |until",
            "       |     |      |  |0     |limit",
            "       |     |      |  |5000  |limit",
            "       |     |      |  |ten   |limit",
            "       |     |w eb  |  |      |process"})
    void badLogInputsAreRefusedNamingTheField(String since, String until, String process, String q, String limit, String field) {
        assertInvalid(() -> telemetry.logs(ada, "hello", request(since, until, process, q, limit, null)), field);
    }

    @Test
    void textAndCursorAreBounded() {
        assertInvalid(() -> telemetry.logs(ada, "hello", request(null, null, null, "x".repeat(257), null, null)), "q");
        sources.failure = ProviderException.invalid("cursor", "cursor is not one this server handed out");
        assertInvalid(() -> telemetry.logs(ada, "hello", request(null, null, null, null, null, "forged")), "cursor");
    }

    @Test
    void anotherTenantsAppIsNotFoundAndAMissingSourceIsUnavailable() {
        Caller bob = core.newTenantCaller("bob@example.com");
        assertThatThrownBy(() -> telemetry.logs(bob, "hello", LogRequest.latest())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> telemetry.metrics(bob, "hello", Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> telemetry.follow(bob, "hello", LogRequest.latest())).isInstanceOf(NotFound.class);

        Telemetry none = new Telemetry(core.apps, Optional.empty(), Optional.empty(), core.clock);
        assertThatThrownBy(() -> none.logs(ada, "hello", LogRequest.latest())).isInstanceOf(Unavailable.class);
        assertThatThrownBy(() -> none.metrics(ada, "hello", Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(Unavailable.class);
    }

    @Test
    void aSourceThatIsDownIsUnavailableWithItsReason() {
        sources.failure = ProviderException.unavailable("SigNoz answered 503: clickhouse is unavailable", null);
        assertThatThrownBy(() -> telemetry.logs(ada, "hello", LogRequest.latest()))
                .isInstanceOf(Unavailable.class).hasMessage("SigNoz answered 503: clickhouse is unavailable");
    }

    @Test
    void metricsDefaultToCpuOverAnHourInMinuteStepsAndShowPointsAsPairs() {
        Instant t = Instant.parse("2026-12-03T09:30:00Z");
        sources.series = new MetricSeries(MetricKind.MEMORY, Duration.ofMinutes(5), Duration.ofSeconds(10),
                List.of(new MetricSeries.ProcessSeries("web", List.of(new MetricSeries.Point(t, 1.5e7)))));

        MetricsView cpu = telemetry.metrics(ada, "hello", Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(sources.kind).isEqualTo(MetricKind.CPU);
        assertThat(sources.range).isEqualTo(Duration.ofHours(1));
        assertThat(sources.step).isEqualTo(Duration.ofMinutes(1));
        assertThat(cpu.unit()).isEqualTo("percent");

        MetricsView memory = telemetry.metrics(ada, "hello", Optional.of("5m"), Optional.of("memory"), Optional.of("30s"));
        assertThat(sources.step).isEqualTo(Duration.ofSeconds(30));
        telemetry.metrics(ada, "hello", Optional.of("1h"), Optional.of("cpu"), Optional.of("60"));
        assertThat(sources.step).as("a bare number is seconds").isEqualTo(Duration.ofSeconds(60));
        assertThat(memory).isEqualTo(new MetricsView("memory", "bytes", "5m", 30,
                List.of(new MetricsView.SeriesView("web", List.of(List.of("2026-12-03T09:30:00Z", 1.5e7))))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "99y |cpu     |    |range",
            "2h  |cpu     |    |range",
            "1h  |bogus   |    |kind",
            "1h  |cpu     |0s  |step",
            "1h  |cpu     |0   |step",
            "1h  |cpu     |-60 |step",
            "1h  |cpu     |2h  |step",
            "7d  |cpu     |1s  |step",
            "1h  |cpu     |soon|step"})
    void badMetricInputsAreRefusedNamingTheField(String range, String kind, String step, String field) {
        ValidationFailed e = assertInvalid(() -> telemetry.metrics(ada, "hello", Optional.of(range), Optional.of(kind),
                Optional.ofNullable(step)), field);
        if (field.equals("range")) {
            assertThat(e.details().getFirst().problem()).isEqualTo("must be one of 5m, 15m, 1h, 6h, 24h, 7d");
        }
        if (field.equals("kind")) {
            assertThat(e.details().getFirst().problem()).isEqualTo("must be one of cpu, memory, restarts, requests");
        }
    }

    @Test
    void followDeliversThroughABoundedBufferAndMarksWhatWasDropped() throws Exception {
        LogFollow follow = telemetry.follow(ada, "hello", request(null, null, "web", null, null, null));
        assertThat(sources.query.process()).contains("web");
        LogSink sink = sources.sink;
        LogLine line = new LogLine(Instant.parse("2026-12-03T10:00:00Z"), "web", "web.1", "stdout", "x");
        for (int i = 0; i < LogFollow.CAPACITY; i++) {
            assertThat(sink.offer(line)).isTrue();
        }
        assertThat(sink.offer(line)).isFalse();
        assertThat(sink.offer(line)).isFalse();

        for (int i = 0; i < LogFollow.CAPACITY; i++) {
            assertThat(follow.next(Duration.ZERO)).isPresent();
        }
        LogsView.LineView marker = follow.next(Duration.ZERO).orElseThrow();
        assertThat(marker.process()).isEqualTo("runtime");
        assertThat(marker.message()).isEqualTo("… 2 lines dropped (the client read too slowly)");
        assertThat(follow.next(Duration.ofMillis(10))).isEmpty();

        follow.close();
        assertThat(sources.followClosed).isTrue();
        assertThat(sink.offer(line)).isFalse();
    }

    @Test
    void theMarkerComesBeforeTheLinesThatArriveAfterTheDrop() throws Exception {
        LogFollow follow = new LogFollow(2, core.clock);
        LogLine a = new LogLine(Instant.EPOCH, "web", "web.1", "stdout", "a");
        follow.offer(a);
        follow.offer(a);
        follow.offer(a); // dropped
        follow.next(Duration.ZERO);
        follow.next(Duration.ZERO);
        follow.offer(new LogLine(Instant.EPOCH, "web", "web.1", "stdout", "b"));

        assertThat(follow.next(Duration.ZERO)).hasValueSatisfying(l -> assertThat(l.message()).startsWith("… 1 line dropped"));
        assertThat(follow.next(Duration.ZERO)).hasValueSatisfying(l -> assertThat(l.message()).isEqualTo("b"));
    }

    private static ValidationFailed assertInvalid(ThrowableAssert.ThrowingCallable call, String field) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(ValidationFailed.class);
        ValidationFailed e = (ValidationFailed) thrown;
        assertThat(e.details()).extracting("field").containsExactly(field);
        return e;
    }

    private static LogRequest request(String since, String until, String process, String q, String limit, String cursor) {
        return new LogRequest(Optional.ofNullable(since), Optional.ofNullable(until), Optional.ofNullable(process),
                Optional.ofNullable(q), Optional.ofNullable(limit), Optional.ofNullable(cursor));
    }

    /** A log and metric source that records what it was asked and answers what the test set. */
    private static final class RecordingSources implements LogSource, MetricSource {
        AppRef app;
        LogQuery query;
        LogPage page = new LogPage(List.of(), Optional.empty());
        RuntimeException failure;
        LogSink sink;
        boolean followClosed;
        MetricKind kind;
        Duration range;
        Duration step;
        MetricSeries series;

        @Override
        public LogPage query(AppRef app, LogQuery query) {
            this.app = app;
            this.query = query;
            if (failure != null) {
                throw failure;
            }
            return page;
        }

        @Override
        public AutoCloseable follow(AppRef app, LogQuery filter, LogSink sink) {
            this.query = filter;
            this.sink = sink;
            return () -> followClosed = true;
        }

        @Override
        public MetricSeries series(AppRef app, MetricKind kind, Duration range, Duration step) {
            this.kind = kind;
            this.range = range;
            this.step = step;
            return series != null ? series : new MetricSeries(kind, range, step, List.of());
        }

        @Override
        public void close() {
        }
    }
}
