package io.paasruntime.signoz;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The data behind {@link SigNozStub}: log records and metric samples, and answers to v5 queries
 * over them in the documented shapes. It understands what the provider sends: filter expressions
 * of {@code key = 'v'}, {@code key CONTAINS 'v'} and {@code key < 'v'} joined by {@code AND};
 * {@code raw} logs newest first with limit and offset; {@code time_series} metrics with a time
 * aggregation per series and step (avg, max, sum) and a sum over the series of each group. Ids are
 * zero-padded counters, so they sort like SigNoz's time-ordered ids.
 */
final class FakeSigNozData {
    record LogRecord(String id, long tsNanos, String body, Map<String, String> resources, Map<String, String> attributes) {
    }

    record Sample(String metric, Map<String, String> resources, long tsMs, double value) {
    }

    private final List<LogRecord> logs = new CopyOnWriteArrayList<>();
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1_000_000);

    void addLog(Instant ts, String body, Map<String, String> resources, Map<String, String> attributes) {
        long nanos = ts.getEpochSecond() * 1_000_000_000L + ts.getNano();
        logs.add(new LogRecord(String.format("%027d", ids.incrementAndGet()), nanos, body, resources, attributes));
    }

    void addSample(String metric, Map<String, String> resources, Instant at, double value) {
        samples.add(new Sample(metric, resources, at.toEpochMilli(), value));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> answer(Map<String, Object> body) {
        long start = ((BigDecimal) require(body, "start")).longValue();
        long end = ((BigDecimal) require(body, "end")).longValue();
        String requestType = (String) require(body, "requestType");
        List<Object> queries = (List<Object>) require((Map<String, Object>) require(body, "compositeQuery"), "queries");
        Map<String, Object> query = (Map<String, Object>) queries.getFirst();
        if (!"builder_query".equals(query.get("type"))) {
            throw new IllegalArgumentException("query type must be builder_query");
        }
        Map<String, Object> spec = (Map<String, Object>) require(query, "spec");
        String expression = (String) ((Map<String, Object>) require(spec, "filter")).get("expression");
        List<Condition> conditions = Condition.parse(expression);
        Map<String, Object> result = switch (requestType) {
            case "raw" -> rawLogs(spec, conditions, start, end);
            case "time_series" -> timeSeries(spec, conditions, start, end);
            default -> throw new IllegalArgumentException("unsupported requestType " + requestType);
        };
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", requestType);
        data.put("data", Map.of("results", List.of(result)));
        data.put("meta", Map.of("rowsScanned", logs.size(), "bytesScanned", 0, "durationMs", 1));
        return Map.of("status", "success", "data", data);
    }

    private Map<String, Object> rawLogs(Map<String, Object> spec, List<Condition> conditions, long start, long end) {
        if (!"logs".equals(spec.get("signal"))) {
            throw new IllegalArgumentException("raw queries here are for logs");
        }
        int limit = ((BigDecimal) require(spec, "limit")).intValue();
        int offset = spec.get("offset") == null ? 0 : ((BigDecimal) spec.get("offset")).intValue();
        List<Map<String, Object>> rows = logs.stream()
                .filter(r -> Math.floorDiv(r.tsNanos(), 1_000_000L) >= start && Math.floorDiv(r.tsNanos(), 1_000_000L) <= end)
                .filter(r -> conditions.stream().allMatch(c -> c.matches(logField(r, c.key()))))
                .sorted(Comparator.comparingLong(LogRecord::tsNanos).thenComparing(LogRecord::id).reversed())
                .skip(offset).limit(limit)
                .map(FakeSigNozData::row).toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("queryName", spec.get("name"));
        result.put("nextCursor", "");
        result.put("rows", rows);
        return result;
    }

    private static String logField(LogRecord r, String key) {
        return switch (key) {
            case "body" -> r.body();
            case "id" -> r.id();
            default -> r.resources().containsKey(key) ? r.resources().get(key) : r.attributes().get(key);
        };
    }

    private static Map<String, Object> row(LogRecord r) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("attributes_string", r.attributes());
        data.put("body", r.body());
        data.put("id", r.id());
        data.put("resources_string", r.resources());
        data.put("severity_text", "INFO");
        data.put("timestamp", r.tsNanos());
        Instant ts = Instant.ofEpochSecond(Math.floorDiv(r.tsNanos(), 1_000_000_000L), Math.floorMod(r.tsNanos(), 1_000_000_000L));
        return Map.of("timestamp", ts.toString(), "data", data);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> timeSeries(Map<String, Object> spec, List<Condition> conditions, long start, long end) {
        Map<String, Object> aggregation = (Map<String, Object>) ((List<Object>) require(spec, "aggregations")).getFirst();
        String metric = (String) require(aggregation, "metricName");
        String timeAggregation = (String) require(aggregation, "timeAggregation");
        if (!"sum".equals(require(aggregation, "spaceAggregation"))) {
            throw new IllegalArgumentException("this stub sums over series only");
        }
        String groupBy = (String) ((Map<String, Object>) ((List<Object>) require(spec, "groupBy")).getFirst()).get("name");
        long stepMs = ((BigDecimal) require(spec, "stepInterval")).longValue() * 1000;
        // series (all resource attributes) → bucket → values
        Map<Map<String, String>, Map<Long, List<Double>>> perSeries = new HashMap<>();
        for (Sample s : samples) {
            if (s.metric().equals(metric) && s.tsMs() >= start && s.tsMs() <= end
                    && conditions.stream().allMatch(c -> c.matches(s.resources().get(c.key())))) {
                perSeries.computeIfAbsent(s.resources(), k -> new TreeMap<>())
                        .computeIfAbsent(Math.floorDiv(s.tsMs(), stepMs) * stepMs, k -> new ArrayList<>()).add(s.value());
            }
        }
        Map<String, TreeMap<Long, Double>> perGroup = new TreeMap<>();
        perSeries.forEach((resources, buckets) -> buckets.forEach((bucket, values) -> perGroup
                .computeIfAbsent(resources.getOrDefault(groupBy, ""), g -> new TreeMap<>())
                .merge(bucket, aggregate(timeAggregation, values), Double::sum)));
        List<Object> series = new ArrayList<>();
        perGroup.forEach((group, buckets) -> series.add(Map.of(
                "labels", List.of(Map.of("key", Map.of("name", groupBy), "value", group)),
                "values", buckets.entrySet().stream().map(e -> Map.of("timestamp", e.getKey(), "value", e.getValue())).toList())));
        return Map.of("queryName", spec.get("name"), "aggregations",
                List.of(Map.of("index", 0, "alias", "__result_0", "series", series)));
    }

    private static double aggregate(String how, List<Double> values) {
        return switch (how) {
            case "avg" -> values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            case "max" -> values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            case "sum" -> values.stream().mapToDouble(Double::doubleValue).sum();
            default -> throw new IllegalArgumentException("unsupported timeAggregation " + how);
        };
    }

    private static Object require(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value;
    }

    /** One condition of a filter expression. */
    record Condition(String key, String op, String value) {
        boolean matches(String actual) {
            if (actual == null) {
                return false;
            }
            return switch (op) {
                case "=" -> actual.equals(value);
                case "<" -> actual.compareTo(value) < 0;
                case "CONTAINS" -> actual.toLowerCase().contains(value.toLowerCase());
                default -> throw new IllegalArgumentException("operator " + op);
            };
        }

        static List<Condition> parse(String expression) {
            List<Condition> conditions = new ArrayList<>();
            int at = 0;
            while (at < expression.length()) {
                int space = expression.indexOf(' ', at);
                String key = expression.substring(at, space);
                int quote = expression.indexOf('\'', space);
                String op = expression.substring(space + 1, quote - 1);
                StringBuilder value = new StringBuilder();
                int i = quote + 1;
                for (; expression.charAt(i) != '\''; i++) {
                    value.append(expression.charAt(i) == '\\' ? expression.charAt(++i) : expression.charAt(i));
                }
                conditions.add(new Condition(key, op, value.toString()));
                at = i + 1;
                if (expression.startsWith(" AND ", at)) {
                    at += 5;
                } else if (at != expression.length()) {
                    throw new IllegalArgumentException("cannot parse filter at " + at + ": " + expression);
                }
            }
            return conditions;
        }
    }
}
