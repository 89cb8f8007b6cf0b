package io.paasruntime.local.telemetry;

/**
 * How much of each app's log the local store keeps: at most {@code lines} lines and {@code bytes}
 * bytes of records, the oldest dropped first. Files are written in segments of about an eighth of
 * either limit, and a segment's file is deleted once all its lines are dropped, so the disk holds
 * at most one segment more than the limits.
 */
public record LogRetention(long lines, long bytes) {
    public static final long DEFAULT_LINES = 100_000;
    public static final long DEFAULT_BYTES = 64L * 1024 * 1024;
    public static final LogRetention DEFAULT = new LogRetention(DEFAULT_LINES, DEFAULT_BYTES);
    private static final long MAX_SEGMENT_BYTES = 8L * 1024 * 1024;
    private static final long MIN_SEGMENT_BYTES = 128L * 1024;

    public LogRetention {
        if (lines < 1 || bytes < 1024) {
            throw new IllegalArgumentException("retention must keep at least 1 line and 1024 bytes");
        }
    }

    /** Lines per segment file. */
    int segmentLines() {
        return (int) Math.min(Integer.MAX_VALUE / 2, Math.max(1, (lines + 7) / 8));
    }

    /** Bytes per segment file (a single longer record still gets a segment of its own). */
    long segmentBytes() {
        return Math.max(MIN_SEGMENT_BYTES, Math.min(MAX_SEGMENT_BYTES, bytes / 8));
    }
}
