package io.paasruntime.local.telemetry;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.telemetry.LogLine;
import io.paasruntime.spi.telemetry.LogPage;
import io.paasruntime.spi.telemetry.LogQuery;
import io.paasruntime.spi.telemetry.LogSink;
import io.paasruntime.spi.telemetry.LogSource;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code local} log source: reads the {@link LocalLogStore} the local orchestrator writes. A
 * followed line is handed to the sink on the thread that appended it (an instance's output pump),
 * so a sink that returns at once is all that stands between the app and a slow client: a full sink
 * drops the line and the app goes on. Thread-safe.
 */
final class LocalLogSource implements LogSource {
    private final LocalLogStore store;
    private final Set<AutoCloseable> subscriptions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    LocalLogSource(LocalLogStore store) {
        this.store = store;
    }

    @Override
    public LogPage query(AppRef app, LogQuery query) {
        requireOpen();
        return store.query(app.appId(), query);
    }

    @Override
    public AutoCloseable follow(AppRef app, LogQuery filter, LogSink sink) {
        requireOpen();
        Optional<String> text = filter.text().map(t -> t.toLowerCase(Locale.ROOT));
        AutoCloseable subscription = store.subscribe(app.appId(), line -> {
            if (matches(line, filter.process(), text)) {
                sink.offer(line);
            }
        });
        AutoCloseable handle = new AutoCloseable() {
            @Override
            public void close() throws Exception {
                subscriptions.remove(this);
                subscription.close();
            }
        };
        subscriptions.add(handle);
        return handle;
    }

    private static boolean matches(LogLine line, Optional<String> process, Optional<String> text) {
        return (process.isEmpty() || process.get().equals(line.process()))
                && (text.isEmpty() || line.message().toLowerCase(Locale.ROOT).contains(text.get()));
    }

    private void requireOpen() {
        if (closed) {
            throw ProviderException.unavailable("the local log source is shut down", null);
        }
    }

    /** Ends every subscription; the store stays open for the orchestrator's last lines. */
    @Override
    public void close() {
        closed = true;
        for (AutoCloseable subscription : subscriptions) {
            try {
                subscription.close();
            } catch (Exception e) {
                // removing a subscriber does not fail
            }
        }
    }
}
