package io.paasruntime.cli.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a POSIX ustar archive. Paths and link targets that do not fit the ustar fields, or are
 * not plain ASCII, get a PAX extended header ({@code path=}, {@code linkpath=}), which every
 * modern tar reads. Not thread-safe; {@link #close()} writes the two zero end blocks and closes the stream.
 */
public final class TarWriter implements AutoCloseable {
    private static final int BLOCK = 512;
    /** Largest size an 11-digit octal field holds (8 GiB - 1). */
    private static final long MAX_SIZE = 077777777777L;

    private final OutputStream out;
    private int paxCount;

    public TarWriter(OutputStream out) {
        this.out = out;
    }

    public void directory(String path, int mode, long mtimeSeconds) throws IOException {
        String name = path.endsWith("/") ? path : path + "/";
        header(name, mode, 0, mtimeSeconds, '5', "");
    }

    /** Writes a regular file entry of exactly {@code size} bytes read from {@code content}. */
    public void file(String path, int mode, long mtimeSeconds, long size, InputStream content) throws IOException {
        if (size > MAX_SIZE) {
            throw new IOException(path + " is larger than 8 GiB, too large for a deploy archive");
        }
        header(path, mode, size, mtimeSeconds, '0', "");
        byte[] buf = new byte[64 * 1024];
        long left = size;
        while (left > 0) {
            int n = content.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new IOException(path + " shrank while it was being packed");
            }
            out.write(buf, 0, n);
            left -= n;
        }
        pad(size);
    }

    public void symlink(String path, String target, long mtimeSeconds) throws IOException {
        header(path, 0777, 0, mtimeSeconds, '2', target);
    }

    @Override
    public void close() throws IOException {
        out.write(new byte[BLOCK * 2]);
        out.close();
    }

    private void header(String path, int mode, long size, long mtime, char type, String linkName) throws IOException {
        byte[] nameBytes = path.getBytes(StandardCharsets.UTF_8);
        String name = path;
        String prefix = "";
        ByteArrayOutputStream pax = new ByteArrayOutputStream();
        boolean ascii = nameBytes.length == path.length();
        if (!ascii || nameBytes.length > 100) {
            int split = ascii ? splitPoint(path) : -1;
            if (split > 0) {
                prefix = path.substring(0, split);
                name = path.substring(split + 1);
            } else {
                pax.writeBytes(paxRecord("path", path));
                name = asciiStub(path);
            }
        }
        byte[] linkBytes = linkName.getBytes(StandardCharsets.UTF_8);
        if (linkBytes.length > 100 || linkBytes.length != linkName.length()) {
            pax.writeBytes(paxRecord("linkpath", linkName));
            linkName = asciiStub(linkName);
        }
        if (pax.size() > 0) {
            paxHeader(pax.toByteArray(), mtime);
        }
        byte[] h = new byte[BLOCK];
        put(h, 0, 100, name);
        octal(h, 100, 8, mode & 07777);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, Math.max(0, mtime));
        h[156] = (byte) type;
        put(h, 157, 100, linkName);
        put(h, 257, 6, "ustar"); // NUL-terminated magic
        h[263] = '0';
        h[264] = '0';
        put(h, 345, 155, prefix);
        checksum(h);
        out.write(h);
    }

    /** A '/' index that splits a long ASCII path into prefix (≤155) and name (≤100), or -1. */
    private static int splitPoint(String path) {
        for (int i = Math.min(155, path.length() - 1); i > 0; i--) {
            if (path.charAt(i) == '/' && path.length() - i - 1 <= 100 && path.length() - i - 1 > 0) {
                return i;
            }
        }
        return -1;
    }

    private void paxHeader(byte[] record, long mtime) throws IOException {
        byte[] h = new byte[BLOCK];
        put(h, 0, 100, "PaxHeaders/entry" + (++paxCount));
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, record.length);
        octal(h, 136, 12, Math.max(0, mtime));
        h[156] = 'x';
        put(h, 257, 6, "ustar");
        h[263] = '0';
        h[264] = '0';
        checksum(h);
        out.write(h);
        out.write(record);
        pad(record.length);
    }

    /** "LEN key=value\n" where LEN counts the whole record, its own digits included. */
    static byte[] paxRecord(String key, String value) {
        int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
        int len = body + String.valueOf(body).length();
        while (len != body + String.valueOf(len).length()) {
            len = body + String.valueOf(len).length();
        }
        return (len + " " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String asciiStub(String path) {
        StringBuilder sb = new StringBuilder();
        for (char c : path.toCharArray()) {
            sb.append(c < 128 ? c : '_');
        }
        String s = sb.toString();
        return s.length() > 100 ? s.substring(s.length() - 100) : s;
    }

    private void pad(long size) throws IOException {
        int rest = (int) (size % BLOCK);
        if (rest != 0) {
            out.write(new byte[BLOCK - rest]);
        }
    }

    private static void put(byte[] h, int offset, int length, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, offset, Math.min(b.length, length));
    }

    /** Zero-padded octal with a trailing NUL, as ustar expects. */
    private static void octal(byte[] h, int offset, int length, long value) {
        String s = Long.toOctalString(value);
        s = "0".repeat(Math.max(0, length - 1 - s.length())) + s;
        put(h, offset, length - 1, s);
    }

    private static void checksum(byte[] h) {
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        String s = Long.toOctalString(sum);
        s = "0".repeat(Math.max(0, 6 - s.length())) + s;
        put(h, 148, 6, s);
        h[154] = 0;
        h[155] = ' ';
    }
}
