package io.paasruntime.local.orchestration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a tar stream entry by entry: POSIX ustar (with the name prefix), GNU long names and
 * long link names ({@code L}/{@code K}) and pax extended headers ({@code x}; {@code path},
 * {@code linkpath} and {@code size}). Written here to keep the provider free of dependencies.
 * Not thread-safe.
 */
final class TarReader {
    private static final int BLOCK = 512;
    private static final int MAX_META_BYTES = 1 << 20;

    private final InputStream in;
    private final byte[] header = new byte[BLOCK];
    private long remaining;
    private long padding;

    TarReader(InputStream in) {
        this.in = in;
    }

    /** The next entry, skipping whatever of the previous entry's content was not read; empty at the end. */
    Optional<TarEntry> next() throws IOException {
        String longName = null;
        String longLink = null;
        Long paxSize = null;
        while (true) {
            skipRest();
            if (!readBlock(header)) {
                return Optional.empty();
            }
            if (isZero(header)) {
                return Optional.empty();
            }
            checkChecksum();
            char type = (char) (header[156] & 0xff);
            long size = number(header, 124, 12);
            if (size < 0) {
                throw new TarFormatException("negative entry size");
            }
            remaining = size;
            padding = (BLOCK - size % BLOCK) % BLOCK;
            switch (type) {
                case 'L' -> longName = meta(size);
                case 'K' -> longLink = meta(size);
                case 'x' -> {
                    Pax pax = Pax.parse(meta(size));
                    longName = pax.path != null ? pax.path : longName;
                    longLink = pax.linkPath != null ? pax.linkPath : longLink;
                    paxSize = pax.size != null ? pax.size : paxSize;
                }
                case 'g' -> skipRest();
                default -> {
                    if (paxSize != null) {
                        remaining = paxSize;
                        padding = (BLOCK - paxSize % BLOCK) % BLOCK;
                    }
                    String name = longName != null ? longName : headerName();
                    String link = longLink != null ? longLink : text(header, 157, 100);
                    int mode = (int) number(header, 100, 8);
                    return Optional.of(new TarEntry(name, type, remaining, mode, link));
                }
            }
        }
    }

    /** The current entry's content; reading past it returns end of stream. */
    InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining == 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    throw new TarFormatException("archive ends inside an entry");
                }
                remaining -= n;
                return n;
            }
        };
    }

    private String headerName() {
        String name = text(header, 0, 100);
        boolean ustar = "ustar\0".equals(new String(header, 257, 6, StandardCharsets.ISO_8859_1));
        String prefix = ustar ? text(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private String meta(long size) throws IOException {
        if (size > MAX_META_BYTES) {
            throw new TarFormatException("extended header of " + size + " bytes is too large");
        }
        byte[] bytes = content().readAllBytes();
        if (bytes.length != size) {
            throw new TarFormatException("archive ends inside an extended header");
        }
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private void skipRest() throws IOException {
        long toSkip = remaining + padding;
        remaining = 0;
        padding = 0;
        byte[] buf = new byte[8192];
        while (toSkip > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, toSkip));
            if (n < 0) {
                throw new TarFormatException("archive ends inside an entry");
            }
            toSkip -= n;
        }
    }

    private boolean readBlock(byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, BLOCK);
        if (read == 0) {
            return false; // some writers omit the two zero blocks at the end
        }
        if (read < BLOCK) {
            throw new TarFormatException("archive ends inside a header");
        }
        return true;
    }

    private void checkChecksum() throws TarFormatException {
        long recorded = number(header, 148, 8);
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = (i >= 148 && i < 156) ? ' ' : header[i];
            unsigned += b & 0xff;
            signed += (byte) b;
        }
        if (recorded != unsigned && recorded != signed) {
            throw new TarFormatException("header checksum mismatch (not a tar archive?)");
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    /** An octal field, or GNU base-256 when the high bit of its first byte is set. */
    private static long number(byte[] b, int off, int len) throws TarFormatException {
        if ((b[off] & 0x80) != 0) {
            long value = b[off] & 0x3f;
            for (int i = off + 1; i < off + len; i++) {
                if (value > (Long.MAX_VALUE >> 8)) {
                    throw new TarFormatException("numeric field too large");
                }
                value = (value << 8) | (b[i] & 0xff);
            }
            return value;
        }
        String s = text(b, off, len).trim();
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new TarFormatException("bad numeric field '" + s + "' (not a tar archive?)");
        }
    }

    /** The pax records this reader uses; others (times, owners, xattrs) are ignored. */
    private record Pax(String path, String linkPath, Long size) {
        static Pax parse(String records) throws TarFormatException {
            String path = null;
            String linkPath = null;
            Long size = null;
            int pos = 0;
            byte[] bytes = records.getBytes(StandardCharsets.UTF_8);
            while (pos < bytes.length) {
                int space = indexOf(bytes, (byte) ' ', pos);
                if (space < 0) {
                    throw new TarFormatException("bad pax header");
                }
                int length;
                try {
                    length = Integer.parseInt(new String(bytes, pos, space - pos, StandardCharsets.US_ASCII));
                } catch (NumberFormatException e) {
                    throw new TarFormatException("bad pax record length");
                }
                if (length <= space - pos || pos + length > bytes.length) {
                    throw new TarFormatException("bad pax record length");
                }
                String record = new String(Arrays.copyOfRange(bytes, space + 1, pos + length - 1), StandardCharsets.UTF_8);
                int eq = record.indexOf('=');
                if (eq > 0) {
                    String key = record.substring(0, eq);
                    String value = record.substring(eq + 1);
                    switch (key) {
                        case "path" -> path = value;
                        case "linkpath" -> linkPath = value;
                        case "size" -> size = parseSize(value);
                        default -> { }
                    }
                }
                pos += length;
            }
            return new Pax(path, linkPath, size);
        }

        private static Long parseSize(String value) throws TarFormatException {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new TarFormatException("bad pax size");
            }
        }

        private static int indexOf(byte[] b, byte c, int from) {
            for (int i = from; i < b.length; i++) {
                if (b[i] == c) {
                    return i;
                }
            }
            return -1;
        }
    }
}
