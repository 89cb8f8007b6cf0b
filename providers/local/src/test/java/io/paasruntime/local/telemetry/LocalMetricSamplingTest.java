package io.paasruntime.local.telemetry;

import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.telemetry.MetricKind;
import io.paasruntime.spi.telemetry.MetricSeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Sampling real processes from /proc: a busy process group shows CPU and the RSS of its whole tree. */
class LocalMetricSamplingTest {
    private final LocalProcessTable table = new LocalProcessTable();
    private final LocalMetricStore store = new LocalMetricStore();
    private final AppRef app = new AppRef(UUID.randomUUID(), UUID.randomUUID(), "busy");
    private Process busy;

    @AfterEach
    void stop() throws Exception {
        if (busy != null) {
            new ProcessBuilder("kill", "-KILL", "--", "-" + busy.pid()).start().waitFor(5, TimeUnit.SECONDS);
            busy.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBusyProcessGroupShowsCpuAndTheMemoryOfItsWholeTree() throws Exception {
        // a shell leading its own group, with a child that spins: the child's CPU counts for the instance
        busy = new ProcessBuilder("setsid", "sh", "-c", "sh -c 'while :; do :; done' & wait").start();
        table.started(new LocalProcessTable.RunningInstance(app.appId(), "worker", "worker.1", "v1-worker.1-1", busy.pid()));
        MetricSampler sampler = new MetricSampler(table, store, ProcStats.ofThisMachine(), Clock.systemUTC());
        LocalMetricSource source = new LocalMetricSource(store, table, Clock.systemUTC(), Optional.empty());

        Instant deadline = Instant.now().plusSeconds(10);
        Optional<Double> cpu = Optional.empty();
        while (cpu.isEmpty() || cpu.get() <= 0) {
            assertThat(Instant.now()).as("CPU measured within 10 s").isBefore(deadline);
            sampler.run();
            cpu = lastValue(source.series(app, MetricKind.CPU, Duration.ofMinutes(5), Duration.ofSeconds(1)));
            Thread.sleep(200); // CPU is a difference between two readings: let some time pass between them
        }
        Optional<Double> memory = lastValue(source.series(app, MetricKind.MEMORY, Duration.ofMinutes(5), Duration.ofSeconds(1)));

        assertThat(cpu.get()).isBetween(1.0, 250.0);
        assertThat(memory).hasValueSatisfying(bytes -> assertThat(bytes).isGreaterThan(100_000.0));
    }

    @Test
    void anInstanceThatIsGoneIsNotSampled() throws IOException {
        table.started(new LocalProcessTable.RunningInstance(app.appId(), "web", "web.1", "v1-web.1-1", 999_999_999L));
        new MetricSampler(table, store, ProcStats.ofThisMachine(), Clock.systemUTC()).run();

        MetricSeries memory = new LocalMetricSource(store, table, Clock.systemUTC(), Optional.empty())
                .series(app, MetricKind.MEMORY, Duration.ofMinutes(5), Duration.ofSeconds(10));

        assertThat(memory.series()).isEmpty();
    }

    @Test
    void restartsShowAZeroSeriesForRunningTypesAndCountCrashes() {
        table.started(new LocalProcessTable.RunningInstance(app.appId(), "web", "web.1", "v1-web.1-1", 1));
        // a clock standing still: with the system clock, a minute boundary passing between the restart
        // and the query would put the restart in the last bucket but one
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:00:59.999Z"), ZoneOffset.UTC);
        LocalMetricSource source = new LocalMetricSource(store, table, clock, Optional.empty());

        MetricSeries before = source.series(app, MetricKind.RESTARTS, Duration.ofMinutes(5), Duration.ofMinutes(1));
        table.restarted(app.appId(), "web", "web.1", clock.instant());
        MetricSeries after = source.series(app, MetricKind.RESTARTS, Duration.ofMinutes(5), Duration.ofMinutes(1));

        assertThat(before.series()).singleElement().satisfies(s -> {
            assertThat(s.process()).isEqualTo("web");
            assertThat(s.points()).hasSizeBetween(5, 7).allSatisfy(p -> assertThat(p.value()).isZero());
        });
        assertThat(after.series().getFirst().points().getLast().value()).isEqualTo(1.0);
    }

    @Test
    void instancesOfTwoAppsWithTheSameSlotNameAreKeptApart() {
        UUID other = UUID.randomUUID();
        table.started(new LocalProcessTable.RunningInstance(app.appId(), "web", "web.1", "v1-web.1-1", 11));
        table.started(new LocalProcessTable.RunningInstance(other, "web", "web.1", "v1-web.1-1", 12));

        table.exited(other, "v1-web.1-1");

        assertThat(table.running()).singleElement().satisfies(i -> assertThat(i.pid()).isEqualTo(11));
    }

    private static Optional<Double> lastValue(MetricSeries series) {
        return series.series().stream().findFirst().flatMap(s -> s.points().isEmpty() ? Optional.empty()
                : Optional.of(s.points().getLast().value()));
    }
}
