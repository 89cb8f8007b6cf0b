package io.paasruntime.local.orchestration;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Copies HTTP/1.x message bodies by their framing: a length, chunks, or up to the end of the stream. */
final class HttpBodies {
    private static final int MAX_CHUNK_LINE = 4096;

    private HttpBodies() {
    }

    static void copyFixed(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buf = new byte[16384];
        long left = length;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new EOFException("connection closed inside a body");
            }
            out.write(buf, 0, n);
            left -= n;
        }
    }

    static void copyToEnd(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[16384];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            out.write(buf, 0, n);
            out.flush(); // streamed responses (server-sent events) must not wait in the buffer
        }
    }

    /**
     * Copies a chunked body up to and including its trailer. With {@code keepChunks} the framing is
     * passed on as it is; without, only the data is written (for HTTP/1.0 clients).
     */
    static void copyChunked(InputStream in, OutputStream out, boolean keepChunks) throws IOException {
        while (true) {
            int[] budget = {MAX_CHUNK_LINE};
            String sizeLine = HttpHead.line(in, budget, false);
            long size = chunkSize(sizeLine);
            if (keepChunks) {
                out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            if (size == 0) {
                break;
            }
            copyFixed(in, out, size);
            String end = HttpHead.line(in, budget, false);
            if (!end.isEmpty()) {
                throw new HttpHead.MalformedException(400, "chunk not followed by CRLF");
            }
            if (keepChunks) {
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        }
        int[] budget = {HttpHead.MAX_HEAD_BYTES};
        for (String trailer = HttpHead.line(in, budget, false); ; trailer = HttpHead.line(in, budget, false)) {
            if (keepChunks) {
                out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            if (trailer.isEmpty()) {
                return;
            }
        }
    }

    private static long chunkSize(String line) throws IOException {
        int semicolon = line.indexOf(';');
        String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
        if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new HttpHead.MalformedException(400, "bad chunk size");
        }
        return Long.parseLong(hex, 16);
    }
}
