package io.paasruntime.signoz;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.telemetry.MetricKind;
import io.paasruntime.spi.telemetry.MetricSeries;
import io.paasruntime.spi.telemetry.MetricSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code signoz} metric source: one {@code time_series} query per call, the kind's metric
 * averaged per series (pod) in each step and summed per process type (grouped by the process
 * attribute). CPU utilization comes in cores and is shown in percent of one core. Restarts come as
 * each container's running count ({@code max} per step) and are turned into the restarts that
 * happened in each step. Thread-safe.
 */
final class SigNozMetricSource implements MetricSource {
    private final SigNozClient client;
    private final SigNozSettings settings;
    private final Map<MetricKind, String> metricNames;
    private final Clock clock;

    SigNozMetricSource(SigNozClient client, SigNozSettings settings, Map<MetricKind, String> metricNames, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.metricNames = Map.copyOf(metricNames);
        this.clock = clock;
    }

    @Override
    public MetricSeries series(AppRef app, MetricKind kind, Duration range, Duration step) {
        Optional<String> metric = Optional.ofNullable(metricNames.get(kind));
        if (metric.isEmpty()) {
            return new MetricSeries(kind, range, step, List.of()); // no metric configured for this kind
        }
        Instant end = clock.instant();
        String timeAggregation = kind == MetricKind.RESTARTS ? "max" : kind == MetricKind.REQUESTS ? "sum" : "avg";
        Map<String, Object> result = client.firstResult(QueryBodies.metric(end.minus(range), end, metric.get(),
                timeAggregation, settings.appFilter(app), settings.processAttribute(), step));
        List<MetricSeries.ProcessSeries> series = new ArrayList<>();
        for (Object one : seriesOf(result)) {
            if (!(one instanceof Map<?, ?> s)) {
                throw malformed("a series is not an object");
            }
            List<MetricSeries.Point> points = points(s.get("values"), kind == MetricKind.CPU ? 100 : 1);
            series.add(new MetricSeries.ProcessSeries(process(s.get("labels")),
                    kind == MetricKind.RESTARTS ? increases(points) : points));
        }
        series.sort(Comparator.comparing((MetricSeries.ProcessSeries s) -> !s.process().equals("web"))
                .thenComparing(MetricSeries.ProcessSeries::process));
        return new MetricSeries(kind, range, step, series);
    }

    /** {@code aggregations[0].series} of the result; empty when SigNoz has no data. */
    private static List<?> seriesOf(Map<String, Object> result) {
        if (!(result.get("aggregations") instanceof List<?> aggregations) || aggregations.isEmpty()) {
            return List.of();
        }
        if (!(aggregations.getFirst() instanceof Map<?, ?> first)) {
            throw malformed("an aggregation is not an object");
        }
        return first.get("series") instanceof List<?> series ? series : List.of();
    }

    /** The value of the process attribute among {@code [{"key":{"name"}|"key","value"}]}. */
    private String process(Object labels) {
        if (labels instanceof List<?> list) {
            for (Object label : list) {
                if (label instanceof Map<?, ?> l) {
                    Object key = l.get("key") instanceof Map<?, ?> k ? k.get("name") : l.get("key");
                    if (settings.processAttribute().equals(key) && l.get("value") != null) {
                        return l.get("value").toString();
                    }
                }
            }
        }
        return "unknown";
    }

    private static List<MetricSeries.Point> points(Object values, double scale) {
        List<MetricSeries.Point> points = new ArrayList<>();
        if (!(values instanceof List<?> list)) {
            return points;
        }
        for (Object v : list) {
            if (!(v instanceof Map<?, ?> value) || !(value.get("timestamp") instanceof BigDecimal ts)) {
                throw malformed("a value without a timestamp");
            }
            double number = switch (value.get("value")) {
                case BigDecimal d -> d.doubleValue();
                case String s -> parse(s);
                case null, default -> Double.NaN;
            };
            if (!Double.isNaN(number)) {
                points.add(new MetricSeries.Point(Instant.ofEpochMilli(ts.longValue()), number * scale));
            }
        }
        points.sort(Comparator.comparing(MetricSeries.Point::ts));
        return points;
    }

    /** Running counts per step → what was added in each step (a drop, e.g. a pod replaced, counts as 0). */
    private static List<MetricSeries.Point> increases(List<MetricSeries.Point> counts) {
        List<MetricSeries.Point> added = new ArrayList<>(counts.size());
        for (int i = 0; i < counts.size(); i++) {
            double delta = i == 0 ? 0 : Math.max(0, counts.get(i).value() - counts.get(i - 1).value());
            added.add(new MetricSeries.Point(counts.get(i).ts(), delta));
        }
        return added;
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static ProviderException malformed(String what) {
        return ProviderException.unavailable("SigNoz answered in an unexpected shape (" + what + ")", null);
    }

    @Override
    public void close() {
        client.close();
    }
}
