package io.paasruntime.cli.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A forgiving read-only view over parsed JSON for printing API answers: a missing field or a
 * wrong type reads as "absent" instead of throwing, so output code stays short.
 */
public final class JsonNode {
    private static final JsonNode ABSENT = new JsonNode(null);

    private final Object value;

    private JsonNode(Object value) {
        this.value = value;
    }

    public static JsonNode of(Object value) {
        return value == null ? ABSENT : new JsonNode(value);
    }

    public static JsonNode parse(String text) {
        return of(JsonParser.parse(text));
    }

    /** The underlying Map/List/String/Number/Boolean, or null. */
    public Object raw() {
        return value;
    }

    public JsonNode get(String field) {
        return value instanceof Map<?, ?> m ? of(m.get(field)) : ABSENT;
    }

    public boolean has(String field) {
        return value instanceof Map<?, ?> m && m.containsKey(field);
    }

    public boolean isNull() {
        return value == null;
    }

    public boolean isObject() {
        return value instanceof Map;
    }

    public boolean isArray() {
        return value instanceof List;
    }

    /** Elements of an array, or an empty list. */
    public List<JsonNode> elements() {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>(list.size());
        for (Object o : list) {
            out.add(of(o));
        }
        return out;
    }

    /** Field names of an object in document order, or none. */
    public List<String> fieldNames() {
        if (!(value instanceof Map<?, ?> m)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (Object k : m.keySet()) {
            names.add(String.valueOf(k));
        }
        return Collections.unmodifiableList(names);
    }

    /** The value as text: strings as-is, numbers and booleans printed, absent/null as "". */
    public String text() {
        return switch (value) {
            case null -> "";
            case String s -> s;
            case BigDecimal d -> d.stripTrailingZeros().toPlainString();
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            default -> JsonWriter.compact(value);
        };
    }

    /** The text, or {@code fallback} when absent or null. */
    public String text(String fallback) {
        return value == null ? fallback : text();
    }

    public long asLong(long fallback) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException ignored) {
                return fallback;
            }
        }
        return fallback;
    }

    /** A number as a double, or NaN when absent or not numeric. */
    public double asDouble() {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException ignored) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    public boolean asBoolean() {
        return Boolean.TRUE.equals(value);
    }

    @Override
    public String toString() {
        return JsonWriter.compact(value);
    }
}
