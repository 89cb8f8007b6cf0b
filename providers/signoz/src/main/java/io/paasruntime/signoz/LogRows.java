package io.paasruntime.signoz;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.telemetry.LogLine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the rows of a {@code raw} logs result, {@code {"rows":[{"timestamp","data":{"id","body",
 * "timestamp","attributes_string","resources_string",…}}]}}, into log lines: process and instance
 * from the configured resource attributes, the stream from a log attribute ({@code log.iostream},
 * as the collector's container parser sets it; {@code stdout} when absent).
 */
final class LogRows {
    /** One row: SigNoz's id (for paging) and the line. */
    record Row(String id, LogLine line) {
    }

    private final SigNozSettings settings;
    private final String streamAttribute;

    LogRows(SigNozSettings settings, String streamAttribute) {
        this.settings = settings;
        this.streamAttribute = streamAttribute;
    }

    List<Row> read(Map<String, Object> result) {
        Object rows = result.get("rows");
        if (rows == null) {
            return List.of();
        }
        if (!(rows instanceof List<?> list)) {
            throw malformed("rows is not a list");
        }
        List<Row> read = new ArrayList<>(list.size());
        for (Object row : list) {
            if (!(row instanceof Map<?, ?> map) || !(map.get("data") instanceof Map<?, ?> data)) {
                throw malformed("a row without data");
            }
            Map<?, ?> resources = data.get("resources_string") instanceof Map<?, ?> r ? r : Map.of();
            Map<?, ?> attributes = data.get("attributes_string") instanceof Map<?, ?> a ? a : Map.of();
            String process = text(resources.get(settings.processAttribute()), text(attributes.get(settings.processAttribute()), "unknown"));
            String instance = text(resources.get(settings.instanceAttribute()), text(attributes.get(settings.instanceAttribute()), process));
            String stream = text(attributes.get(streamAttribute), "stdout");
            Object body = data.get("body");
            String message = body instanceof String s ? s : body == null ? "" : Json.write(body);
            read.add(new Row(text(data.get("id"), ""), new LogLine(timestamp(map, data), process, instance, stream, message)));
        }
        return read;
    }

    /** {@code data.timestamp} in epoch nanoseconds when present (full precision), else the row's RFC 3339 time. */
    private static Instant timestamp(Map<?, ?> row, Map<?, ?> data) {
        if (data.get("timestamp") instanceof BigDecimal nanos) {
            long n = nanos.longValue();
            return Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
        }
        if (row.get("timestamp") instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw malformed("a row timestamp is not RFC 3339");
            }
        }
        throw malformed("a row without a timestamp");
    }

    private static String text(Object value, String fallback) {
        return value == null ? fallback : value.toString();
    }

    private static ProviderException malformed(String what) {
        return ProviderException.unavailable("SigNoz answered in an unexpected shape (" + what + ")", null);
    }
}
