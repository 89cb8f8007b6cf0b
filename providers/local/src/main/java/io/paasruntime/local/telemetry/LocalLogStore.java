package io.paasruntime.local.telemetry;

import io.paasruntime.spi.telemetry.LogLine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The log lines of local apps: what their processes write and the runtime's own events about
 * them. The local orchestrator appends; the local log source reads. Shared between them through
 * {@link io.paasruntime.spi.ProviderContext#shared}.
 *
 * <p>For now each app keeps its newest {@link #DEFAULT_LINES_PER_APP} lines in memory (oldest
 * dropped first). Thread-safe; subscribers are called on the appending thread and must not block.
 */
public final class LocalLogStore {

    /** Lines kept per app unless told otherwise. */
    public static final int DEFAULT_LINES_PER_APP = 10_000;

    private final int maxLinesPerApp;
    private final Map<UUID, AppLines> apps = new ConcurrentHashMap<>();

    public LocalLogStore() {
        this(DEFAULT_LINES_PER_APP);
    }

    public LocalLogStore(int maxLinesPerApp) {
        if (maxLinesPerApp < 1) {
            throw new IllegalArgumentException("maxLinesPerApp must be >= 1");
        }
        this.maxLinesPerApp = maxLinesPerApp;
    }

    /** Keeps {@code line} for the app and hands it to the app's subscribers. */
    public void append(UUID appId, LogLine line) {
        Objects.requireNonNull(line, "line");
        AppLines lines = apps.computeIfAbsent(appId, id -> new AppLines());
        synchronized (lines) {
            if (lines.ring.size() == maxLinesPerApp) {
                lines.ring.removeFirst();
            }
            lines.ring.addLast(line);
        }
        for (Consumer<LogLine> subscriber : lines.subscribers) {
            subscriber.accept(line);
        }
    }

    /** The app's newest {@code n} lines, oldest first. */
    public List<LogLine> recent(UUID appId, int n) {
        AppLines lines = apps.get(appId);
        if (lines == null || n <= 0) {
            return List.of();
        }
        synchronized (lines) {
            List<LogLine> all = new ArrayList<>(lines.ring);
            return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
        }
    }

    /** Receives the app's new lines until the returned handle is closed. */
    public AutoCloseable subscribe(UUID appId, Consumer<LogLine> subscriber) {
        AppLines lines = apps.computeIfAbsent(appId, id -> new AppLines());
        lines.subscribers.add(subscriber);
        return () -> lines.subscribers.remove(subscriber);
    }

    private static final class AppLines {
        final ArrayDeque<LogLine> ring = new ArrayDeque<>();
        final List<Consumer<LogLine>> subscribers = new CopyOnWriteArrayList<>();
    }
}
