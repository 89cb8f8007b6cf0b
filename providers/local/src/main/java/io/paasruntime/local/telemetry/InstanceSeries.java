package io.paasruntime.local.telemetry;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.ObjDoubleConsumer;

/**
 * The samples of one instance start (a slot): every sample of the last {@link #RAW_WINDOW}, and
 * one-minute averages for {@link #MINUTE_WINDOW}. Ranges up to the raw window read raw samples;
 * longer ones read minutes. CPU is {@code NaN} in an instance's first sample (no earlier reading to
 * take a difference from); either value may be {@code NaN} when not measured. Guarded by the owning
 * store's lock.
 */
final class InstanceSeries {
    static final Duration RAW_WINDOW = Duration.ofHours(1);
    static final Duration MINUTE_WINDOW = Duration.ofDays(7);
    private static final long MINUTE_MS = 60_000;

    final String process;
    private final Deque<Sample> raw = new ArrayDeque<>();
    private final Deque<Minute> minutes = new ArrayDeque<>();

    private record Sample(long atMs, double cpu, double rss) {
    }

    /** Sums of one minute's samples; {@code cpuCount} leaves out samples without CPU. */
    private static final class Minute {
        final long startMs;
        double cpuSum;
        int cpuCount;
        double rssSum;
        int rssCount;

        Minute(long startMs) {
            this.startMs = startMs;
        }
    }

    InstanceSeries(String process) {
        this.process = process;
    }

    void add(long atMs, double cpu, double rss) {
        raw.addLast(new Sample(atMs, cpu, rss));
        long minute = Math.floorDiv(atMs, MINUTE_MS) * MINUTE_MS;
        Minute last = minutes.peekLast();
        if (last == null || last.startMs != minute) {
            last = new Minute(minute);
            minutes.addLast(last);
        }
        if (!Double.isNaN(cpu)) {
            last.cpuSum += cpu;
            last.cpuCount++;
        }
        if (!Double.isNaN(rss)) {
            last.rssSum += rss;
            last.rssCount++;
        }
        prune(atMs);
    }

    void prune(long nowMs) {
        while (!raw.isEmpty() && raw.peekFirst().atMs() < nowMs - RAW_WINDOW.toMillis()) {
            raw.removeFirst();
        }
        while (!minutes.isEmpty() && minutes.peekFirst().startMs < nowMs - MINUTE_WINDOW.toMillis()) {
            minutes.removeFirst();
        }
    }

    boolean isEmpty() {
        return minutes.isEmpty();
    }

    /**
     * Feeds {@code (time, value)} pairs of {@code cpu} or memory at or after {@code fromMs}, raw
     * samples when {@code fine}, else minute averages; each minute counts once with its average.
     */
    void forEach(boolean cpu, boolean fine, long fromMs, ObjDoubleConsumer<Long> sink) {
        if (fine) {
            for (Sample s : raw) {
                double value = cpu ? s.cpu() : s.rss();
                if (s.atMs() >= fromMs && !Double.isNaN(value)) {
                    sink.accept(s.atMs(), value);
                }
            }
            return;
        }
        for (Minute m : minutes) {
            int count = cpu ? m.cpuCount : m.rssCount;
            if (m.startMs >= fromMs - MINUTE_MS + 1 && count > 0) {
                sink.accept(m.startMs, (cpu ? m.cpuSum : m.rssSum) / count);
            }
        }
    }
}
