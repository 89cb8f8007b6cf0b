package io.paasruntime.local.orchestration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The start line and header fields of an HTTP/1.x request or response, as the router reads and
 * forwards them. Field names keep their case; lookups ignore it.
 */
record HttpHead(String startLine, List<Field> fields) {
    static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_FIELDS = 200;

    /** One header field. */
    record Field(String name, String value) {
        boolean is(String other) {
            return name.equalsIgnoreCase(other);
        }
    }

    /** The head is malformed or too large; {@link #status} says how to answer it. */
    static final class MalformedException extends IOException {
        final int status;

        MalformedException(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    HttpHead {
        fields = List.copyOf(fields);
    }

    /** Reads a head; null when the stream ends before its first byte (a closed keep-alive connection). */
    static HttpHead read(InputStream in) throws IOException {
        int[] budget = {MAX_HEAD_BYTES};
        String start = line(in, budget, true);
        while (start != null && start.isEmpty()) {
            start = line(in, budget, true); // RFC 9112: ignore empty lines before the start line
        }
        if (start == null) {
            return null;
        }
        List<Field> fields = new ArrayList<>();
        for (String line = line(in, budget, false); !line.isEmpty(); line = line(in, budget, false)) {
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(0)) || Character.isWhitespace(line.charAt(colon - 1))) {
                throw new MalformedException(400, "malformed header field");
            }
            if (fields.size() == MAX_FIELDS) {
                throw new MalformedException(431, "too many header fields");
            }
            fields.add(new Field(line.substring(0, colon), line.substring(colon + 1).strip()));
        }
        return new HttpHead(start, fields);
    }

    String first(String name) {
        return fields.stream().filter(f -> f.is(name)).map(Field::value).findFirst().orElse(null);
    }

    List<String> all(String name) {
        return fields.stream().filter(f -> f.is(name)).map(Field::value).toList();
    }

    /** Whether a comma-separated field such as {@code Connection} lists {@code token}. */
    boolean hasToken(String name, String token) {
        for (String value : all(name)) {
            for (String part : value.split(",")) {
                if (part.strip().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The lowercase names a {@code Connection} field declares hop-by-hop. */
    List<String> connectionTokens() {
        List<String> tokens = new ArrayList<>();
        for (String value : all("Connection")) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    tokens.add(part.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens;
    }

    static void write(OutputStream out, String startLine, List<Field> fields) throws IOException {
        StringBuilder head = new StringBuilder(startLine).append("\r\n");
        for (Field f : fields) {
            head.append(f.name()).append(": ").append(f.value()).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** One line without its CRLF; null at end of stream if {@code endOk} and nothing was read. */
    static String line(InputStream in, int[] budget, boolean endOk) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (endOk && line.size() == 0) {
                    return null;
                }
                throw new java.io.EOFException("connection closed inside a message head");
            }
            if (--budget[0] < 0) {
                throw new MalformedException(431, "message head larger than " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
    }
}
