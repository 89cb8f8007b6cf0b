package io.paasruntime.signoz;

import io.paasruntime.spi.telemetry.LogLine;
import io.paasruntime.spi.telemetry.LogSink;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.function.Consumer;

/**
 * Follows an app's log in SigNoz by polling: every interval it asks for the lines since the newest
 * one it has seen (SigNoz works in milliseconds, so lines of that last millisecond come again and
 * are recognised by their id), and hands the new ones to the sink oldest first. A SigNoz outage
 * only delays lines: the next poll asks again from the same point. Runs on its own virtual thread.
 */
final class LogPoller implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LogPoller.class.getName());
    static final int MAX_LINES_PER_POLL = 1000;
    private static final int REMEMBERED_IDS = 10_000;

    private final SigNozLogSource source;
    private final FilterExpression filter;
    private final Duration interval;
    private final LogSink sink;
    private final Consumer<LogPoller> onClose;
    private final SequencedSet<String> seen = new LinkedHashSet<>();
    private Instant since;
    private volatile boolean closed;
    private Thread thread;

    LogPoller(SigNozLogSource source, FilterExpression filter, Instant since, Duration interval, LogSink sink,
              Consumer<LogPoller> onClose) {
        this.source = source;
        this.filter = filter;
        this.since = since;
        this.interval = interval;
        this.sink = sink;
        this.onClose = onClose;
    }

    void start(String appName) {
        thread = Thread.ofVirtual().name("signoz-follow-" + appName).start(this::run);
    }

    private void run() {
        boolean warned = false;
        while (!closed) {
            try {
                Thread.sleep(interval);
                poll();
                warned = false;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!warned) {
                    LOG.log(Level.WARNING, "following logs in SigNoz failed, retrying: " + e.getMessage());
                    warned = true;
                }
            }
        }
    }

    private void poll() {
        List<LogRows.Row> newestFirst = source.fetch(filter, since, source.clock().instant().plusMillis(1), MAX_LINES_PER_POLL);
        List<LogLine> fresh = new ArrayList<>();
        for (int i = newestFirst.size() - 1; i >= 0 && !closed; i--) {
            LogRows.Row row = newestFirst.get(i);
            if (seen.add(row.id())) {
                fresh.add(row.line());
                if (row.line().ts().isAfter(since)) {
                    since = row.line().ts();
                }
            }
        }
        while (seen.size() > REMEMBERED_IDS) {
            seen.removeFirst();
        }
        for (LogLine line : fresh) {
            if (closed) {
                return;
            }
            sink.offer(line); // a refusing sink has dropped the line; the next ones still go
        }
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
        onClose.accept(this);
    }
}
