package io.paasruntime.spi.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Series of one kind for an app, one per process type. */
public record MetricSeries(MetricKind kind, Duration range, Duration step, List<ProcessSeries> series) {
    public MetricSeries {
        series = List.copyOf(series);
    }

    /** Points of one process type, oldest first. */
    public record ProcessSeries(String process, List<Point> points) {
        public ProcessSeries {
            points = List.copyOf(points);
        }
    }

    /** One bucket's value. */
    public record Point(Instant ts, double value) {
    }
}
