package io.paasruntime.tck.telemetry;

import io.paasruntime.spi.telemetry.LogLine;
import io.paasruntime.spi.telemetry.LogSink;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A {@link LogSink} that keeps what it is given, optionally refusing the first lines, and can wait for a line. */
public final class RecordingSink implements LogSink {
    private final List<LogLine> lines = new CopyOnWriteArrayList<>();
    private volatile int refuse;

    /** Refuses (returns false for) the next {@code n} lines, as a full buffer would. */
    public RecordingSink refusing(int n) {
        refuse = n;
        return this;
    }

    @Override
    public synchronized boolean offer(LogLine line) {
        if (refuse > 0) {
            refuse--;
            return false;
        }
        lines.add(line);
        notifyAll();
        return true;
    }

    public List<LogLine> lines() {
        return List.copyOf(lines);
    }

    /** Waits until a line matching {@code wanted} has arrived; fails after {@code timeout}. */
    public synchronized LogLine await(Predicate<LogLine> wanted, Duration timeout, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            for (LogLine line : lines) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what + "; got " + lines);
            }
            wait(left);
        }
    }
}
