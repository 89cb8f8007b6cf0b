package io.paasruntime.local.telemetry;

import io.paasruntime.spi.telemetry.LogLine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One append-only file of an app's log, {@code <first seq>.log}, and its in-memory index: where each
 * record starts, and the oldest and newest timestamp in it. When a segment is full the index is
 * also written beside it ({@code .idx}), so a restart reads 4 bytes per line instead of the file.
 *
 * <p>Changed only under the owning {@link AppLogFiles}' lock; readers work on a {@link View}, which
 * stays valid while the segment grows (records are only ever added after it).
 */
final class LogSegment {
    private static final int INDEX_MAGIC = 0x504c5831; // "PLX1"
    private static final int INDEX_HEADER = 4 + 4 + 8 + 8 + 8;

    private final long firstSeq;
    private final Path file;
    private int[] offsets;
    private int count;
    private long end;
    private long minTs = Long.MAX_VALUE;
    private long maxTs = Long.MIN_VALUE;

    private LogSegment(long firstSeq, Path file, int[] offsets, int count, long end, long minTs, long maxTs) {
        this.firstSeq = firstSeq;
        this.file = file;
        this.offsets = offsets;
        this.count = count;
        this.end = end;
        this.minTs = minTs;
        this.maxTs = maxTs;
    }

    /** A new, empty segment whose first line will get {@code firstSeq}. */
    static LogSegment create(Path dir, long firstSeq) {
        return new LogSegment(firstSeq, dir.resolve(fileName(firstSeq)), new int[1024], 0, 0, Long.MAX_VALUE, Long.MIN_VALUE);
    }

    static String fileName(long firstSeq) {
        return String.format("%020d.log", firstSeq);
    }

    /** The first seq a segment file name says, or -1 if it is not a segment file. */
    static long firstSeqOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.matches("\\d{20}\\.log")) {
            return -1;
        }
        return Long.parseLong(name.substring(0, 20));
    }

    /**
     * Loads a segment: from its index file when that matches the file's size, else by reading the
     * records, in which case a torn or corrupt tail is cut off the file.
     */
    static LogSegment load(Path file) throws IOException {
        long firstSeq = firstSeqOf(file);
        long size = Files.size(file);
        LogSegment indexed = fromIndex(firstSeq, file, size);
        return indexed != null ? indexed : scan(firstSeq, file);
    }

    private static LogSegment fromIndex(long firstSeq, Path file, long size) throws IOException {
        Path index = indexFile(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(index);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (bytes.length < INDEX_HEADER) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int count = buf.getInt(4);
        if (buf.getInt(0) != INDEX_MAGIC || buf.getLong(24) != size || bytes.length != INDEX_HEADER + 4L * count) {
            return null;
        }
        int[] offsets = new int[Math.max(count, 1)];
        buf.position(INDEX_HEADER).asIntBuffer().get(offsets, 0, count);
        return new LogSegment(firstSeq, file, offsets, count, size, buf.getLong(8), buf.getLong(16));
    }

    private static LogSegment scan(long firstSeq, Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file));
        LogSegment segment = new LogSegment(firstSeq, file, new int[1024], 0, 0, Long.MAX_VALUE, Long.MIN_VALUE);
        while (buf.hasRemaining()) {
            int length = LogRecords.checkedLength(buf);
            if (length < 0) {
                break;
            }
            segment.added(length, LogRecords.timestamp(buf, buf.position()));
            buf.position(buf.position() + length);
        }
        if (segment.end < buf.capacity()) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(segment.end); // a torn tail: the next record goes where the last whole one ended
            }
        }
        return segment;
    }

    private static Path indexFile(Path file) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - 4) + ".idx");
    }

    /** Records that a record of {@code length} bytes with {@code tsNanos} was written at the end. */
    void added(int length, long tsNanos) {
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
        }
        offsets[count++] = Math.toIntExact(end);
        end += length;
        minTs = Math.min(minTs, tsNanos);
        maxTs = Math.max(maxTs, tsNanos);
    }

    /** Writes the index beside a segment that will not grow any more. */
    void writeIndex() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(INDEX_HEADER + 4 * count);
        buf.putInt(INDEX_MAGIC).putInt(count).putLong(minTs).putLong(maxTs).putLong(end);
        buf.asIntBuffer().put(offsets, 0, count);
        Path index = indexFile(file);
        Path tmp = index.resolveSibling(index.getFileName() + ".tmp");
        Files.write(tmp, buf.array());
        Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    void delete() throws IOException {
        Files.deleteIfExists(indexFile(file));
        Files.deleteIfExists(file);
    }

    long firstSeq() {
        return firstSeq;
    }

    Path file() {
        return file;
    }

    int count() {
        return count;
    }

    long bytes() {
        return end;
    }

    /** Where record {@code index} starts; {@link #bytes()} for {@code index == count()}. */
    long offset(int index) {
        return index < count ? offsets[index] : end;
    }

    View view() {
        return new View(firstSeq, file, offsets, count, end, minTs, maxTs);
    }

    /** What a reader sees of a segment at one moment. */
    record View(long firstSeq, Path file, int[] offsets, int count, long end, long minTs, long maxTs) {

        /** Records {@code [from, to)} (indexes in this segment), read with one positional read. */
        List<LogLine> read(FileChannel channel, int from, int to) throws IOException {
            long start = offsets[from];
            long stop = to < count ? offsets[to] : end;
            ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(stop - start));
            while (buf.hasRemaining()) {
                if (channel.read(buf, start + buf.position()) < 0) {
                    throw new IOException("segment " + file.getFileName() + " is shorter than its index");
                }
            }
            buf.flip();
            List<LogLine> lines = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                lines.add(LogRecords.decode(buf));
            }
            return lines;
        }
    }
}
