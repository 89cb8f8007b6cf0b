package io.paasruntime.local.telemetry;

import io.paasruntime.spi.telemetry.LogLine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.CRC32C;

/**
 * How one log line is written in a segment file:
 * <pre>
 * int  length of the body
 * int  CRC-32C of the body
 * body: long epoch nanoseconds, then process, instance and stream (each u16 length + UTF-8),
 *       then the message (UTF-8, the rest of the body)
 * </pre>
 * The checksum tells a torn tail (the server killed mid-write) from a whole record.
 */
final class LogRecords {
    static final int HEADER_BYTES = 8;
    /** Longer messages are cut: a record must fit in a segment and a read buffer. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;
    private static final int MIN_BODY_BYTES = 8 + 2 + 2 + 2;
    private static final int MAX_BODY_BYTES = MIN_BODY_BYTES + 3 * 0xFFFF + MAX_MESSAGE_BYTES;

    private LogRecords() {
    }

    /** The whole record (header and body) of {@code line}. */
    static ByteBuffer encode(LogLine line) {
        byte[] process = label(line.process());
        byte[] instance = label(line.instance());
        byte[] stream = label(line.stream());
        byte[] message = line.message().getBytes(StandardCharsets.UTF_8);
        int messageBytes = Math.min(message.length, MAX_MESSAGE_BYTES);
        int body = MIN_BODY_BYTES + process.length + instance.length + stream.length + messageBytes;
        ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + body);
        buf.putInt(body).putInt(0);
        buf.putLong(epochNanos(line.ts()));
        putLabel(buf, process);
        putLabel(buf, instance);
        putLabel(buf, stream);
        buf.put(message, 0, messageBytes);
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), HEADER_BYTES, body);
        buf.putInt(4, (int) crc.getValue());
        return buf.flip();
    }

    /**
     * The length of the whole record starting at {@code buf}'s position, or -1 when what follows is
     * not a whole, intact record (a torn write, zeros after a crash, garbage). Does not move the buffer.
     */
    static int checkedLength(ByteBuffer buf) {
        int at = buf.position();
        if (buf.remaining() < HEADER_BYTES) {
            return -1;
        }
        int body = buf.getInt(at);
        if (body < MIN_BODY_BYTES || body > MAX_BODY_BYTES || buf.remaining() < HEADER_BYTES + body) {
            return -1;
        }
        CRC32C crc = new CRC32C();
        crc.update(buf.slice(at + HEADER_BYTES, body));
        return (int) crc.getValue() == buf.getInt(at + 4) ? HEADER_BYTES + body : -1;
    }

    /** The timestamp of the record at {@code offset} of {@code buf}, in epoch nanoseconds. */
    static long timestamp(ByteBuffer buf, int offset) {
        return buf.getLong(offset + HEADER_BYTES);
    }

    /** Reads the record at {@code buf}'s position and moves past it. */
    static LogLine decode(ByteBuffer buf) {
        int start = buf.position();
        int body = buf.getInt();
        buf.getInt();
        long nanos = buf.getLong();
        String process = getLabel(buf);
        String instance = getLabel(buf);
        String stream = getLabel(buf);
        int end = start + HEADER_BYTES + body;
        String message = new String(buf.array(), buf.arrayOffset() + buf.position(), end - buf.position(), StandardCharsets.UTF_8);
        buf.position(end);
        return new LogLine(instant(nanos), process, instance, stream, message);
    }

    static long epochNanos(Instant ts) {
        return Math.addExact(Math.multiplyExact(ts.getEpochSecond(), 1_000_000_000L), ts.getNano());
    }

    static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }

    private static byte[] label(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("process, instance and stream names are limited to 65535 bytes");
        }
        return bytes;
    }

    private static void putLabel(ByteBuffer buf, byte[] bytes) {
        buf.putShort((short) bytes.length).put(bytes);
    }

    private static String getLabel(ByteBuffer buf) {
        int n = Short.toUnsignedInt(buf.getShort());
        String value = new String(buf.array(), buf.arrayOffset() + buf.position(), n, StandardCharsets.UTF_8);
        buf.position(buf.position() + n);
        return value;
    }
}
