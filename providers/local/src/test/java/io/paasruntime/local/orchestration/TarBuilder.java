package io.paasruntime.local.orchestration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Writes small tar.gz archives entry by entry, including ones {@code tar} would refuse to make. */
final class TarBuilder {
    private final ByteArrayOutputStream tar = new ByteArrayOutputStream();

    TarBuilder file(String name, String content) {
        return file(name, content, 0644);
    }

    TarBuilder file(String name, String content, int mode) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        entry(name, '0', data, mode, "");
        return this;
    }

    TarBuilder dir(String name) {
        entry(name, '5', new byte[0], 0755, "");
        return this;
    }

    TarBuilder symlink(String name, String target) {
        entry(name, '2', new byte[0], 0777, target);
        return this;
    }

    TarBuilder hardLink(String name, String target) {
        entry(name, '1', new byte[0], 0644, target);
        return this;
    }

    TarBuilder device(String name) {
        entry(name, '3', new byte[0], 0644, "");
        return this;
    }

    byte[] gzip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(tar.toByteArray());
            gz.write(new byte[1024]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void entry(String name, char type, byte[] data, int mode, String link) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 100) { // GNU long name: the name travels in an 'L' entry before the header
            byte[] longName = (name + "\0").getBytes(StandardCharsets.UTF_8);
            header("././@LongLink", 'L', longName.length, 0644, "");
            write(longName);
            name = name.substring(0, 100);
        }
        header(name, type, data.length, mode, link);
        write(data);
    }

    private void header(String name, char type, long size, int mode, String link) {
        byte[] h = new byte[512];
        put(h, 0, 100, name);
        put(h, 100, 8, String.format("%07o", mode));
        put(h, 108, 8, "0000000");
        put(h, 116, 8, "0000000");
        put(h, 124, 12, String.format("%011o", size));
        put(h, 136, 12, String.format("%011o", 1_700_000_000L));
        h[156] = (byte) type;
        put(h, 157, 100, link);
        put(h, 257, 6, "ustar\0");
        put(h, 263, 2, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, 8, String.format("%06o\0 ", sum));
        tar.writeBytes(h);
    }

    private void write(byte[] data) {
        tar.writeBytes(data);
        int pad = (512 - data.length % 512) % 512;
        tar.writeBytes(new byte[pad]);
    }

    private static void put(byte[] h, int off, int len, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, off, Math.min(len, b.length));
    }
}
