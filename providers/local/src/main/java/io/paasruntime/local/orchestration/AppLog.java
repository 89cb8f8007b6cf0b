package io.paasruntime.local.orchestration;

import io.paasruntime.local.telemetry.LocalLogStore;
import io.paasruntime.spi.telemetry.LogLine;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes one app's lines to the {@link LocalLogStore}: its processes' output and the runtime's
 * events about it (process {@code runtime}). A line is stamped and stored before the next one is
 * stamped, and stamps only go forward for the whole app: the log's order is its timestamps' order
 * (readers get lines oldest first) even when several instances write at once or the clock reads the
 * same instant twice. Never pass env values to it. Thread-safe.
 */
final class AppLog {
    static final String RUNTIME = "runtime";

    private final UUID appId;
    private final LocalLogStore store;
    private final Clock clock;
    private Instant last = Instant.MIN;

    AppLog(UUID appId, LocalLogStore store, Clock clock) {
        this.appId = appId;
        this.store = store;
        this.clock = clock;
    }

    /** A line an instance wrote on {@code stream} ({@code stdout} or {@code stderr}). */
    synchronized void output(String type, String instance, String stream, String message) {
        store.append(appId, new LogLine(next(), type, instance, stream, message));
    }

    /** An event of the runtime about the app, e.g. an instance that crashed. */
    synchronized void event(String instance, String message) {
        store.append(appId, new LogLine(next(), RUNTIME, instance, RUNTIME, message));
    }

    private Instant next() {
        Instant now = clock.instant();
        last = now.isAfter(last) ? now : last.plusNanos(1);
        return last;
    }
}
