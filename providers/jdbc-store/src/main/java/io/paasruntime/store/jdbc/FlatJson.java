package io.paasruntime.store.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON text of flat string maps ({@code {"KEY":"value",...}}), for the jsonb columns of releases.
 * Only that shape: it is all the store writes, so a JSON library would be dead weight.
 */
final class FlatJson {
    private FlatJson() {
    }

    static String encode(Map<String, String> map) {
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(map).forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(key, out);
            out.append(':');
            quote(value, out);
        });
        return out.append('}').toString();
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
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

    /** Parses an object whose values are all strings; anything else is refused. */
    static Map<String, String> decode(String json) {
        return new Parser(json).object();
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Map<String, String> object() {
            Map<String, String> map = new LinkedHashMap<>();
            expect('{');
            if (peek() == '}') {
                pos++;
            } else {
                do {
                    String key = string();
                    expect(':');
                    map.put(key, string());
                } while (consume(','));
                expect('}');
            }
            if (skipSpace() != text.length()) {
                throw error("trailing text");
            }
            return map;
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = pos < text.length() ? text.charAt(pos++) : '?';
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> throw error("bad escape");
                }
            }
        }

        private char peek() {
            skipSpace();
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private boolean consume(char c) {
            if (peek() == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!consume(c)) {
                throw error("expected '" + c + "'");
            }
        }

        private int skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            return pos;
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("not a flat JSON object of strings: " + problem + " at " + pos);
        }
    }
}
