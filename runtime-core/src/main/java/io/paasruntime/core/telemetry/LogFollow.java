package io.paasruntime.core.telemetry;

import io.paasruntime.spi.telemetry.LogLine;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A followed log on its way to one client: a bounded buffer that the log source fills without
 * ever waiting, and the client drains at its own pace. When the buffer is full, new lines are
 * dropped and counted; the client then gets one marker line {@code … N lines dropped} where they
 * would have been. So a slow client never slows the app or the server. Thread-safe: the source
 * offers from its threads, one client reads.
 */
public final class LogFollow implements AutoCloseable {
    /** Lines buffered per client. */
    public static final int CAPACITY = 1000;
    static final String RUNTIME = "runtime";

    private final ArrayBlockingQueue<LogLine> queue;
    private final Clock clock;
    private int dropped;
    private boolean closed;
    private AutoCloseable subscription = () -> { };

    LogFollow(int capacity, Clock clock) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.clock = clock;
    }

    /** Takes {@code line} if there is room; never blocks. Returns whether it was kept. */
    synchronized boolean offer(LogLine line) {
        if (closed) {
            return false;
        }
        if (queue.remainingCapacity() < (dropped > 0 ? 2 : 1)) {
            dropped++;
            return false;
        }
        if (dropped > 0) {
            queue.add(marker());
        }
        queue.add(line);
        return true;
    }

    /** The next line, waiting at most {@code wait}; empty when none came (time for a heartbeat). */
    public Optional<LogsView.LineView> next(Duration wait) throws InterruptedException {
        synchronized (this) {
            if (queue.isEmpty() && dropped > 0) {
                return Optional.of(LogsView.LineView.of(marker()));
            }
        }
        LogLine line = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.ofNullable(line).map(LogsView.LineView::of);
    }

    /** Lines dropped and not yet reported by a marker. */
    synchronized int dropped() {
        return dropped;
    }

    private LogLine marker() {
        LogLine marker = new LogLine(clock.instant(), RUNTIME, RUNTIME, RUNTIME,
                "… " + dropped + (dropped == 1 ? " line" : " lines") + " dropped (the client read too slowly)");
        dropped = 0;
        return marker;
    }

    synchronized void subscribed(AutoCloseable subscription) {
        this.subscription = subscription;
    }

    /** Ends the subscription at the log source; lines offered later are refused. */
    @Override
    public void close() {
        AutoCloseable toClose;
        synchronized (this) {
            closed = true;
            toClose = subscription;
        }
        try {
            toClose.close();
        } catch (Exception e) {
            // the source forgets the subscriber either way
        }
    }
}
