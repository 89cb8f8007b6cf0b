package io.paasruntime.core.telemetry;

import java.util.List;

/**
 * Series of one kind as the API shows them: per process type, points {@code [ts, value]} oldest
 * first, {@code ts} in RFC 3339.
 */
public record MetricsView(String kind, String unit, String range, long stepSeconds, List<SeriesView> series) {
    public MetricsView {
        series = List.copyOf(series);
    }

    /** One process type's points, each a two-element array {@code ["2026-12-03T10:00:00Z", 12.5]}. */
    public record SeriesView(String process, List<List<Object>> points) {
        public SeriesView {
            points = List.copyOf(points);
        }
    }
}
