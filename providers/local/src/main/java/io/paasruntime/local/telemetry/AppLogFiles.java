package io.paasruntime.local.telemetry;

import io.paasruntime.spi.telemetry.LogLine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One app's log on disk: segment files {@code <first seq>.log} in the app's folder, oldest first, the
 * newest one open for appending. Every line gets the next sequence number; the oldest lines are
 * dropped while the app is over its {@link LogRetention}, and a segment whose lines are all
 * dropped is deleted.
 *
 * <p>Appends and retention changes hold this object's lock; a query only holds it to take a
 * {@link Snapshot}, then reads the files without it, so a long search never holds up the app's
 * output. Subscribers are called under the lock, in sequence order, and must not block.
 */
final class AppLogFiles {
    private static final System.Logger LOG = System.getLogger(AppLogFiles.class.getName());

    private final Path dir;
    private final List<LogSegment> segments = new ArrayList<>();
    private final List<Consumer<LogLine>> subscribers = new CopyOnWriteArrayList<>();
    private LogRetention retention;
    private FileChannel writer;
    private long liveStart;
    private long nextSeq;
    private long liveLines;
    private long liveBytes;
    private boolean failing;

    private AppLogFiles(Path dir, LogRetention retention) {
        this.dir = dir;
        this.retention = retention;
    }

    /** Reads the index of the app's segments (if any) and applies {@code retention}. */
    static AppLogFiles open(Path dir, LogRetention retention) throws IOException {
        AppLogFiles files = new AppLogFiles(dir, retention);
        if (Files.isDirectory(dir)) {
            List<Path> found;
            try (Stream<Path> list = Files.list(dir)) {
                found = list.filter(p -> LogSegment.firstSeqOf(p) >= 0)
                        .sorted(Comparator.comparingLong(LogSegment::firstSeqOf)).toList();
            }
            for (Path file : found) {
                LogSegment segment = LogSegment.load(file);
                files.segments.add(segment);
                files.liveLines += segment.count();
                files.liveBytes += segment.bytes();
            }
            if (!files.segments.isEmpty()) {
                LogSegment last = files.segments.getLast();
                files.liveStart = files.segments.getFirst().firstSeq();
                files.nextSeq = last.firstSeq() + last.count();
            }
        }
        synchronized (files) {
            files.trim();
        }
        return files;
    }

    void append(LogLine line) {
        ByteBuffer record = LogRecords.encode(line);
        int length = record.remaining();
        long ts = LogRecords.epochNanos(line.ts());
        synchronized (this) {
            try {
                LogSegment active = writable(length);
                while (record.hasRemaining()) {
                    writer.write(record);
                }
                active.added(length, ts);
                failing = false;
            } catch (IOException | RuntimeException e) {
                writeFailed(e);
                return;
            }
            nextSeq++;
            liveLines++;
            liveBytes += length;
            trim();
            for (Consumer<LogLine> subscriber : subscribers) {
                try {
                    subscriber.accept(line);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "a log subscriber failed: " + e);
                }
            }
        }
    }

    /** The segment the next record goes to, with the writer open on it: a new one when the last is full. */
    private LogSegment writable(int length) throws IOException {
        LogSegment active = segments.isEmpty() ? null : segments.getLast();
        boolean full = active != null && active.count() > 0 && (active.count() >= retention.segmentLines()
                || active.bytes() + length > retention.segmentBytes());
        if (active == null || full || active.firstSeq() + active.count() != nextSeq) {
            if (active != null) {
                closeWriter();
                active.writeIndex();
            }
            Files.createDirectories(dir);
            active = LogSegment.create(dir, nextSeq);
            segments.add(active);
        }
        if (writer == null) {
            Files.createDirectories(dir);
            writer = FileChannel.open(active.file(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            writer.position(active.bytes());
        }
        return active;
    }

    /** A failed write may have left part of a record: cut it off so later records stay readable. */
    private void writeFailed(Exception e) {
        if (!failing) {
            LOG.log(System.Logger.Level.WARNING, "cannot write the log in " + dir + " (lines are dropped until it works again): " + e);
            failing = true;
        }
        try {
            if (writer != null && !segments.isEmpty()) {
                writer.truncate(segments.getLast().bytes());
                writer.position(segments.getLast().bytes());
            }
        } catch (IOException again) {
            closeWriter();
        }
    }

    /** Drops the oldest lines while over the retention; deletes segments left without lines. */
    private void trim() {
        while (liveLines > 0 && (liveLines > retention.lines() || liveBytes > retention.bytes())) {
            LogSegment first = segments.getFirst();
            int index = (int) Math.max(0, liveStart - first.firstSeq());
            if (index >= first.count()) {
                if (segments.size() == 1) {
                    return;
                }
                deleteFirst();
                continue;
            }
            int drop;
            if (liveBytes <= retention.bytes()) {
                drop = (int) Math.min(liveLines - retention.lines(), first.count() - index);
            } else {
                drop = 1; // bytes decide: one record at a time, each has its own size
            }
            liveBytes -= first.offset(index + drop) - first.offset(index);
            liveLines -= drop;
            liveStart = first.firstSeq() + index + drop;
        }
        while (segments.size() > 1 && liveStart >= segments.getFirst().firstSeq() + segments.getFirst().count()) {
            deleteFirst();
        }
    }

    private void deleteFirst() {
        LogSegment gone = segments.removeFirst();
        liveStart = Math.max(liveStart, segments.isEmpty() ? nextSeq : segments.getFirst().firstSeq());
        try {
            gone.delete();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete " + gone.file() + ": " + e.getMessage());
        }
    }

    synchronized void retention(LogRetention newRetention) {
        retention = newRetention;
        trim();
    }

    /** The segments and live range as they are now, for a query to read without the lock. */
    synchronized Snapshot snapshot() {
        List<LogSegment.View> views = new ArrayList<>(segments.size());
        segments.forEach(s -> views.add(s.view()));
        return new Snapshot(views, liveStart, nextSeq);
    }

    AutoCloseable subscribe(Consumer<LogLine> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Closes the open file; a later append opens it again. */
    synchronized void close() {
        closeWriter();
    }

    /** Deletes every segment: the app is gone for good. */
    synchronized void purge() throws IOException {
        closeWriter();
        for (LogSegment segment : segments) {
            segment.delete();
        }
        segments.clear();
        liveStart = nextSeq;
        liveLines = 0;
        liveBytes = 0;
        Files.deleteIfExists(dir);
    }

    synchronized long lines() {
        return liveLines;
    }

    synchronized long bytes() {
        return liveBytes;
    }

    private void closeWriter() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot close " + dir + ": " + e.getMessage());
            }
            writer = null;
        }
    }

    /**
     * The app's segments at one moment: lines with sequence numbers in {@code [liveStart, nextSeq)}
     * are retained (the first segment may begin with dropped ones).
     */
    record Snapshot(List<LogSegment.View> segments, long liveStart, long nextSeq) {
    }
}
