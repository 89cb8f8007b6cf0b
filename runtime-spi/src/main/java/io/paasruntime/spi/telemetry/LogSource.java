package io.paasruntime.spi.telemetry;

import io.paasruntime.spi.orchestration.AppRef;

/**
 * Reads an app's log lines.
 *
 * <p>Lifecycle: created once at start-up, closed at shutdown (ending every subscription).
 * Threading: thread-safe.
 */
public interface LogSource extends AutoCloseable {

    /** Lines matching {@code query}, oldest first, the newest {@code limit} of them. */
    LogPage query(AppRef app, LogQuery query);

    /**
     * Delivers lines as they arrive until the returned subscription is closed. {@code sink} is
     * called on the provider's thread and must not block; a sink that returns {@code false} has
     * dropped the line and the provider may tell it later with a marker line.
     */
    AutoCloseable follow(AppRef app, LogQuery filter, LogSink sink);

    @Override
    default void close() {
    }
}
