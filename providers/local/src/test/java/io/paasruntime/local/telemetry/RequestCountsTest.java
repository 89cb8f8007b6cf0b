package io.paasruntime.local.telemetry;

import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.tck.MutableClock;
import io.paasruntime.spi.telemetry.MetricKind;
import io.paasruntime.spi.telemetry.MetricSeries;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests per step from the routers' running counts: summed in a bucket, counted once, kept per app. */
class RequestCountsTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private final LocalProcessTable table = new LocalProcessTable();
    private final LocalMetricStore store = new LocalMetricStore();
    private final AppRef app = new AppRef(UUID.randomUUID(), UUID.randomUUID(), "counted");
    private final AppRef other = new AppRef(UUID.randomUUID(), UUID.randomUUID(), "other");

    @Test
    void eachPassRecordsTheRequestsSinceThePreviousOneAndABucketSumsThem() {
        table.started(new LocalProcessTable.RunningInstance(app.appId(), "web", "web.1", "v1-web.1-1", 1));
        MutableClock clock = new MutableClock(T0.plusSeconds(5));
        MetricSampler sampler = new MetricSampler(table, store, ProcStats.ofThisMachine(), clock);
        ServedRequests served = table.servedRequests(app.appId());

        answer(served, 3);
        sampler.run();
        clock.set(T0.plusSeconds(10));
        answer(served, 4);
        sampler.run();
        clock.set(T0.plusSeconds(70));
        sampler.run(); // an idle minute: a zero, not the same requests again

        MetricSeries series = source(clock).series(app, MetricKind.REQUESTS, Duration.ofMinutes(5), Duration.ofMinutes(1));
        assertThat(series.kind().unit()).isEqualTo("count");
        assertThat(series.series()).singleElement().satisfies(web -> {
            assertThat(web.process()).isEqualTo("web");
            assertThat(web.points()).containsExactly(
                    new MetricSeries.Point(T0, 7.0), new MetricSeries.Point(T0.plusSeconds(60), 0.0));
        });
    }

    @Test
    void aStoppedAppAddsNothingUntilItsRouterAnswersAgain() {
        MutableClock clock = new MutableClock(T0.plusSeconds(5));
        MetricSampler sampler = new MetricSampler(table, store, ProcStats.ofThisMachine(), clock);
        ServedRequests served = table.servedRequests(app.appId());

        sampler.run(); // no web process, no request: no point
        assertThat(source(clock).series(app, MetricKind.REQUESTS, Duration.ofMinutes(5), Duration.ofMinutes(1)).series()).isEmpty();

        answer(served, 2); // 503s of the router while no web process is up
        clock.set(T0.plusSeconds(10));
        sampler.run();
        assertThat(sum(source(clock).series(app, MetricKind.REQUESTS, Duration.ofMinutes(5), Duration.ofMinutes(1)))).isEqualTo(2.0);
    }

    @Test
    void appsAreCountedApartAndAPurgedAppCountsAfreshFromZero() {
        MutableClock clock = new MutableClock(T0.plusSeconds(5));
        MetricSampler sampler = new MetricSampler(table, store, ProcStats.ofThisMachine(), clock);
        answer(table.servedRequests(app.appId()), 5);
        answer(table.servedRequests(other.appId()), 1);
        sampler.run();

        table.forget(app.appId());
        answer(table.servedRequests(app.appId()), 2); // a new router for the same id: its count starts at 0
        clock.set(T0.plusSeconds(10));
        sampler.run();

        LocalMetricSource source = source(clock);
        assertThat(sum(source.series(app, MetricKind.REQUESTS, Duration.ofMinutes(5), Duration.ofMinutes(1)))).isEqualTo(7.0);
        assertThat(sum(source.series(other, MetricKind.REQUESTS, Duration.ofMinutes(5), Duration.ofMinutes(1)))).isEqualTo(1.0);
    }

    @Test
    void longRangesSumTheMinutesAndLevelsStillAverageThem() {
        Instant now = T0.plus(Duration.ofHours(3));
        store.recordRequests(app.appId(), T0.plusSeconds(5), 10);
        store.recordRequests(app.appId(), T0.plusSeconds(35), 20);
        store.recordRequests(app.appId(), T0.plusSeconds(65), 5);
        store.record(app.appId(), "web", "v1-web.1-1", T0.plusSeconds(5), 10, 100);
        store.record(app.appId(), "web", "v1-web.1-1", T0.plusSeconds(35), 30, 300);

        MetricSeries requests = store.series(app.appId(), MetricKind.REQUESTS, Duration.ofHours(6), Duration.ofMinutes(5), now, table);
        MetricSeries cpu = store.series(app.appId(), MetricKind.CPU, Duration.ofHours(6), Duration.ofMinutes(5), now, table);

        assertThat(requests.series().getFirst().points()).containsExactly(new MetricSeries.Point(T0, 35.0));
        assertThat(cpu.series().getFirst().points()).containsExactly(new MetricSeries.Point(T0, 20.0));
        assertThat(store.series(app.appId(), MetricKind.MEMORY, Duration.ofHours(6), Duration.ofMinutes(5), now, table)
                .series().getFirst().points()).containsExactly(new MetricSeries.Point(T0, 200.0));
    }

    private LocalMetricSource source(Clock clock) {
        return new LocalMetricSource(store, table, clock, Optional.empty());
    }

    private static void answer(ServedRequests served, int n) {
        for (int i = 0; i < n; i++) {
            served.answered();
        }
    }

    private static double sum(MetricSeries series) {
        List<MetricSeries.Point> points = series.series().getFirst().points();
        return points.stream().mapToDouble(MetricSeries.Point::value).sum();
    }
}
