package io.paasruntime.examples.loadavg;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.telemetry.MetricKind;
import io.paasruntime.spi.telemetry.MetricSeries;
import io.paasruntime.spi.telemetry.MetricSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Answers {@code cpu} with the host's 1-, 5- and 15-minute load averages (as percent of one core)
 * placed at the matching points in time, under the process name {@code host}. Other kinds are empty.
 */
final class LoadAverageMetrics implements MetricSource {
    private final Path file;
    private final Clock clock;

    LoadAverageMetrics(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public MetricSeries series(AppRef app, MetricKind kind, Duration range, Duration step) {
        if (kind != MetricKind.CPU) {
            return new MetricSeries(kind, range, step, List.of());
        }
        String[] fields = read().trim().split("\\s+");
        Instant now = clock.instant();
        List<MetricSeries.Point> points = List.of(
                new MetricSeries.Point(now.minus(Duration.ofMinutes(15)), percent(fields[2])),
                new MetricSeries.Point(now.minus(Duration.ofMinutes(5)), percent(fields[1])),
                new MetricSeries.Point(now.minus(Duration.ofMinutes(1)), percent(fields[0])));
        return new MetricSeries(kind, range, step, List.of(new MetricSeries.ProcessSeries("host",
                points.stream().filter(p -> !p.ts().isBefore(now.minus(range))).toList())));
    }

    private String read() {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw ProviderException.unavailable("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static double percent(String load) {
        return Double.parseDouble(load) * 100.0;
    }
}
