package io.paasruntime.tck.telemetry;

import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.telemetry.MetricKind;
import io.paasruntime.spi.telemetry.MetricSeries;
import io.paasruntime.spi.telemetry.MetricSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What every {@link MetricSource} does: one series per process type, each point the sum over the
 * type's instances of their average in the bucket (memory in bytes, CPU in percent of one core),
 * restarts counted in the bucket they happened in, points inside the range, apps kept apart, and
 * the kind, range and step echoed back.
 *
 * <p>A subclass supplies the source and a way to record a sample of an instance at a time.
 */
public abstract class MetricSourceContractTest {
    private static final Duration RANGE = Duration.ofMinutes(15);
    private static final Duration STEP = Duration.ofMinutes(1);

    /** A new source; closed after each test. */
    protected abstract MetricSource newSource();

    /**
     * Records a sample of {@code instance} of {@code process} at {@code at}: the CPU percent of one
     * core, the RSS bytes, or (for {@code RESTARTS}) how many restarts happened at that moment.
     */
    protected abstract void emit(AppRef app, String process, String instance, MetricKind kind, Instant at, double value);

    protected MetricSource source;
    private final AppRef app = new AppRef(UUID.randomUUID(), UUID.randomUUID(), "metrics");

    @BeforeEach
    void openSource() {
        source = newSource();
    }

    @AfterEach
    void closeSource() throws Exception {
        source.close();
    }

    @Test
    void memorySumsTheInstancesOfEachProcessType() {
        Instant at = middleOfBucket(Instant.now().minus(Duration.ofMinutes(3)));
        emit(app, "web", "web.1", MetricKind.MEMORY, at, 100e6);
        emit(app, "web", "web.2", MetricKind.MEMORY, at, 50e6);
        emit(app, "worker", "worker.1", MetricKind.MEMORY, at, 30e6);

        MetricSeries series = source.series(app, MetricKind.MEMORY, RANGE, STEP);

        assertThat(series.kind()).isEqualTo(MetricKind.MEMORY);
        assertThat(series.range()).isEqualTo(RANGE);
        assertThat(series.step()).isEqualTo(STEP);
        assertThat(series.series()).extracting(MetricSeries.ProcessSeries::process).containsExactlyInAnyOrder("web", "worker");
        assertThat(pointAt(series, "web", at)).hasValueSatisfying(v -> assertThat(v).isCloseTo(150e6, within(1.0)));
        assertThat(pointAt(series, "worker", at)).hasValueSatisfying(v -> assertThat(v).isCloseTo(30e6, within(1.0)));
    }

    @Test
    void cpuAveragesEachInstanceInTheBucketThenSums() {
        Instant at = middleOfBucket(Instant.now().minus(Duration.ofMinutes(5)));
        emit(app, "web", "web.1", MetricKind.CPU, at, 20);
        emit(app, "web", "web.1", MetricKind.CPU, at.plusSeconds(5), 40);
        emit(app, "web", "web.2", MetricKind.CPU, at, 10);

        MetricSeries series = source.series(app, MetricKind.CPU, RANGE, STEP);

        assertThat(pointAt(series, "web", at)).hasValueSatisfying(v -> assertThat(v).isCloseTo(40, within(0.01)));
    }

    @Test
    void restartsAreCountedInTheBucketTheyHappenedIn() {
        Instant start = middleOfBucket(Instant.now().minus(Duration.ofMinutes(10)));
        Instant first = start.plus(Duration.ofMinutes(2));
        Instant second = start.plus(Duration.ofMinutes(5));
        emit(app, "web", "web.1", MetricKind.MEMORY, start, 10e6);
        emit(app, "web", "web.1", MetricKind.RESTARTS, first, 1);
        emit(app, "web", "web.1", MetricKind.RESTARTS, second, 2);

        MetricSeries series = source.series(app, MetricKind.RESTARTS, RANGE, STEP);

        assertThat(pointAt(series, "web", first)).contains(1.0);
        assertThat(pointAt(series, "web", second)).contains(2.0);
        assertThat(series.series().getFirst().points().stream().mapToDouble(MetricSeries.Point::value).sum()).isEqualTo(3.0);
    }

    @Test
    void pointsLieInsideTheRangeAndOldSamplesAreLeftOut() {
        Instant now = Instant.now();
        emit(app, "web", "web.1", MetricKind.MEMORY, now.minus(Duration.ofMinutes(40)), 999e6);
        emit(app, "web", "web.1", MetricKind.MEMORY, middleOfBucket(now.minus(Duration.ofMinutes(2))), 10e6);

        MetricSeries series = source.series(app, MetricKind.MEMORY, RANGE, STEP);

        assertThat(series.series()).hasSize(1);
        assertThat(series.series().getFirst().points()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.ts()).isAfter(now.minus(RANGE).minus(STEP)).isBefore(now.plus(STEP));
            assertThat(p.value()).isLessThan(999e6);
        });
    }

    @Test
    void keepsAppsApart() {
        AppRef other = new AppRef(UUID.randomUUID(), UUID.randomUUID(), "other");
        emit(other, "web", "web.1", MetricKind.MEMORY, middleOfBucket(Instant.now().minus(Duration.ofMinutes(2))), 10e6);

        assertThat(source.series(app, MetricKind.MEMORY, RANGE, STEP).series()).isEmpty();
        assertThat(source.series(other, MetricKind.MEMORY, RANGE, STEP).series()).hasSize(1);
    }

    /** The value of the point whose bucket holds {@code at}. */
    protected static Optional<Double> pointAt(MetricSeries series, String process, Instant at) {
        return series.series().stream().filter(s -> s.process().equals(process)).findFirst()
                .flatMap(s -> s.points().stream()
                        .filter(p -> !p.ts().isAfter(at) && p.ts().plus(series.step()).isAfter(at))
                        .map(MetricSeries.Point::value).findFirst());
    }

    /** A time 20 s into its one-minute bucket, so samples a few seconds apart share the bucket. */
    private static Instant middleOfBucket(Instant t) {
        long minute = Math.floorDiv(t.toEpochMilli(), 60_000L) * 60_000L;
        return Instant.ofEpochMilli(minute + 20_000);
    }
}
