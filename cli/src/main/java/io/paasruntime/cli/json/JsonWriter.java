package io.paasruntime.cli.json;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes the values {@link JsonParser} produces (and any {@code Number}) back as JSON text. */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private final boolean pretty;

    private JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    /** One line, no spaces: for request bodies. */
    public static String compact(Object value) {
        JsonWriter w = new JsonWriter(false);
        w.write(value, 0);
        return w.out.toString();
    }

    /** Two-space indentation: for {@code --json} output a person may read. */
    public static String pretty(Object value) {
        JsonWriter w = new JsonWriter(true);
        w.write(value, 0);
        return w.out.toString();
    }

    private void write(Object value, int indent) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(s);
            case Boolean b -> out.append(b);
            case BigDecimal d -> out.append(d.toString());
            case Double d when d.isNaN() || d.isInfinite() -> throw new JsonException("JSON has no " + d);
            case Float f when f.isNaN() || f.isInfinite() -> throw new JsonException("JSON has no " + f);
            case Number n -> out.append(n);
            case JsonNode node -> write(node.raw(), indent);
            case Map<?, ?> map -> object(map, indent);
            case List<?> list -> array(list, indent);
            default -> throw new JsonException("cannot write " + value.getClass().getSimpleName() + " as JSON");
        }
    }

    private void object(Map<?, ?> map, int indent) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            newline(indent + 1);
            string(String.valueOf(e.getKey()));
            out.append(pretty ? ": " : ":");
            write(e.getValue(), indent + 1);
            if (it.hasNext()) {
                out.append(',');
            }
        }
        newline(indent);
        out.append('}');
    }

    private void array(List<?> list, int indent) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            newline(indent + 1);
            write(list.get(i), indent + 1);
            if (i < list.size() - 1) {
                out.append(',');
            }
        }
        newline(indent);
        out.append(']');
    }

    private void newline(int indent) {
        if (pretty) {
            out.append('\n').append("  ".repeat(indent));
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
