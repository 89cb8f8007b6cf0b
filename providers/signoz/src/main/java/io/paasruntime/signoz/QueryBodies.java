package io.paasruntime.signoz;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request bodies of {@code POST /api/v5/query_range}: one {@code builder_query} in a
 * {@code compositeQuery}, {@code start} and {@code end} in epoch milliseconds.
 */
final class QueryBodies {
    private QueryBodies() {
    }

    /** A {@code raw} logs query: newest first (timestamp, then id, descending), at most {@code limit} rows. */
    static Map<String, Object> logs(Instant start, Instant end, FilterExpression filter, int limit) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", "A");
        spec.put("signal", "logs");
        spec.put("disabled", false);
        spec.put("filter", Map.of("expression", filter.text()));
        spec.put("order", List.of(order("timestamp"), order("id")));
        spec.put("limit", limit);
        spec.put("offset", 0);
        return envelope(start, end, "raw", spec);
    }

    /**
     * A {@code time_series} metrics query: {@code metric} averaged (or {@code timeAggregation}) per
     * series in each step, summed over the series of each value of {@code groupBy}.
     */
    static Map<String, Object> metric(Instant start, Instant end, String metric, String timeAggregation,
                                      FilterExpression filter, String groupBy, Duration step) {
        Map<String, Object> aggregation = new LinkedHashMap<>();
        aggregation.put("metricName", metric);
        aggregation.put("timeAggregation", timeAggregation);
        aggregation.put("spaceAggregation", "sum");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", "A");
        spec.put("signal", "metrics");
        spec.put("disabled", false);
        spec.put("aggregations", List.of(aggregation));
        spec.put("filter", Map.of("expression", filter.text()));
        spec.put("groupBy", List.of(Map.of("name", groupBy, "fieldContext", "resource", "fieldDataType", "string")));
        spec.put("stepInterval", Math.max(1, step.toSeconds()));
        return envelope(start, end, "time_series", spec);
    }

    private static Map<String, Object> order(String key) {
        return Map.of("key", Map.of("name", key), "direction", "desc");
    }

    private static Map<String, Object> envelope(Instant start, Instant end, String requestType, Map<String, Object> spec) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("type", "builder_query");
        query.put("spec", spec);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("start", start.toEpochMilli());
        body.put("end", end.toEpochMilli());
        body.put("requestType", requestType);
        body.put("variables", Map.of());
        body.put("compositeQuery", Map.of("queries", List.of(query)));
        return body;
    }
}
