package io.paasruntime.cli.output;

import java.util.ArrayList;
import java.util.List;

/** "Key: value" lines with the values aligned, e.g. for {@code apps:info} and {@code config}. */
public final class KeyValues {
    private record Pair(String key, String value) {
    }

    private final List<Pair> pairs = new ArrayList<>();

    public KeyValues add(String key, String value) {
        pairs.add(new Pair(key, value == null ? "" : value));
        return this;
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    public String render() {
        int width = 0;
        for (Pair p : pairs) {
            width = Math.max(width, p.key().length() + 1);
        }
        StringBuilder out = new StringBuilder();
        for (Pair p : pairs) {
            String key = p.key() + ":";
            out.append((key + " ".repeat(width - key.length() + 1) + p.value()).stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
