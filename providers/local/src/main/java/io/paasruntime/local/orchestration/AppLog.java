package io.paasruntime.local.orchestration;

import io.paasruntime.local.telemetry.LocalLogStore;
import io.paasruntime.spi.telemetry.LogLine;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes one app's lines to the {@link LocalLogStore}: its processes' output and the runtime's
 * events about it (process {@code runtime}). Timestamps only go forward per instance, so lines of
 * one instance keep their order even when the clock reads the same instant twice. Never pass env
 * values to it. Thread-safe.
 */
final class AppLog {
    static final String RUNTIME = "runtime";

    private final UUID appId;
    private final LocalLogStore store;
    private final Clock clock;
    private final Map<String, Instant> lastByInstance = new ConcurrentHashMap<>();

    AppLog(UUID appId, LocalLogStore store, Clock clock) {
        this.appId = appId;
        this.store = store;
        this.clock = clock;
    }

    /** A line an instance wrote on {@code stream} ({@code stdout} or {@code stderr}). */
    void output(String type, String instance, String stream, String message) {
        store.append(appId, new LogLine(next(instance), type, instance, stream, message));
    }

    /** An event of the runtime about the app, e.g. an instance that crashed. */
    void event(String instance, String message) {
        store.append(appId, new LogLine(next(instance), RUNTIME, instance, RUNTIME, message));
    }

    private Instant next(String instance) {
        Instant now = clock.instant();
        return lastByInstance.merge(instance, now, (last, fresh) -> fresh.isAfter(last) ? fresh : last.plusNanos(1));
    }
}
