package io.paasruntime.local.telemetry;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.ObjDoubleConsumer;

/**
 * The samples of one instance start (a slot), or of an app's router: every sample of the last
 * {@link #RAW_WINDOW}, and one value per minute for {@link #MINUTE_WINDOW} (the average of the
 * minute's samples, or their sum for a count). Ranges up to the raw window read raw samples; longer
 * ones read minutes. A measure a sample does not hold is {@code NaN} (CPU in an instance's first
 * sample, which has no earlier reading to take a difference from; CPU and memory of a router).
 * Guarded by the owning store's lock.
 */
final class InstanceSeries {
    static final Duration RAW_WINDOW = Duration.ofHours(1);
    static final Duration MINUTE_WINDOW = Duration.ofDays(7);
    private static final long MINUTE_MS = 60_000;

    /** What a sample holds, and whether a bucket's samples are averaged (a level) or summed (a count). */
    enum Measure {
        CPU(true), MEMORY(true), REQUESTS(false);

        final boolean averaged;

        Measure(boolean averaged) {
            this.averaged = averaged;
        }
    }

    final String process;
    private final Deque<Sample> raw = new ArrayDeque<>();
    private final Deque<Minute> minutes = new ArrayDeque<>();

    private record Sample(long atMs, double cpu, double rss, double requests) {
        double value(Measure measure) {
            return switch (measure) {
                case CPU -> cpu;
                case MEMORY -> rss;
                case REQUESTS -> requests;
            };
        }
    }

    /** Sums of one minute's samples per measure; a count leaves out samples without that measure. */
    private static final class Minute {
        final long startMs;
        final double[] sums = new double[Measure.values().length];
        final int[] counts = new int[Measure.values().length];

        Minute(long startMs) {
            this.startMs = startMs;
        }

        /** The minute's average of a level, its sum of a count; NaN without samples. */
        double value(Measure measure) {
            int n = counts[measure.ordinal()];
            double sum = sums[measure.ordinal()];
            return n == 0 ? Double.NaN : measure.averaged ? sum / n : sum;
        }
    }

    InstanceSeries(String process) {
        this.process = process;
    }

    void add(long atMs, double cpu, double rss, double requests) {
        Sample sample = new Sample(atMs, cpu, rss, requests);
        raw.addLast(sample);
        long minute = Math.floorDiv(atMs, MINUTE_MS) * MINUTE_MS;
        Minute last = minutes.peekLast();
        if (last == null || last.startMs != minute) {
            last = new Minute(minute);
            minutes.addLast(last);
        }
        for (Measure measure : Measure.values()) {
            double value = sample.value(measure);
            if (!Double.isNaN(value)) {
                last.sums[measure.ordinal()] += value;
                last.counts[measure.ordinal()]++;
            }
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
     * Feeds {@code (time, value)} pairs of {@code measure} at or after {@code fromMs}, raw samples
     * when {@code fine}, else one value per minute (see {@link Minute#value}).
     */
    void forEach(Measure measure, boolean fine, long fromMs, ObjDoubleConsumer<Long> sink) {
        if (fine) {
            for (Sample s : raw) {
                double value = s.value(measure);
                if (s.atMs() >= fromMs && !Double.isNaN(value)) {
                    sink.accept(s.atMs(), value);
                }
            }
            return;
        }
        for (Minute m : minutes) {
            double value = m.value(measure);
            if (m.startMs >= fromMs - MINUTE_MS + 1 && !Double.isNaN(value)) {
                sink.accept(m.startMs, value);
            }
        }
    }
}
