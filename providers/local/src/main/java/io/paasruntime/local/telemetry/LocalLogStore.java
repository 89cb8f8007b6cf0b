package io.paasruntime.local.telemetry;

import io.paasruntime.spi.ProviderContext;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.telemetry.LogLine;
import io.paasruntime.spi.telemetry.LogPage;
import io.paasruntime.spi.telemetry.LogQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The log lines of local apps: what their processes write and the runtime's own events about
 * them. The local orchestrator appends; the local log source reads. Shared between them through
 * {@link #shared(ProviderContext)}.
 *
 * <p>Each app's lines are kept in append-only segment files under {@code <dataDir>/local/logs/<appId>/}
 * (see {@link AppLogFiles}), bounded by a {@link LogRetention} (oldest dropped first), so they
 * survive a restart of the server. An app's index is read from disk the first time it is used.
 *
 * <p>Thread-safe. Subscribers are called on the appending thread, in order, and must not block.
 */
public final class LocalLogStore {
    private static final System.Logger LOG = System.getLogger(LocalLogStore.class.getName());

    private final Path root;
    private final Map<UUID, AppLogFiles> apps = new ConcurrentHashMap<>();
    private volatile LogRetention retention = LogRetention.DEFAULT;

    private LocalLogStore(Path root) {
        this.root = root;
    }

    /** A store keeping its files in {@code root} (one folder per app). */
    public static LocalLogStore open(Path root) {
        return new LocalLogStore(root.toAbsolutePath().normalize());
    }

    /**
     * The one store of this runtime, in {@code <dataDir>/local/logs}; a store of its own when the host
     * shares no objects.
     */
    public static LocalLogStore shared(ProviderContext context) {
        Path root = context.dataDir().resolve("local").resolve("logs");
        try {
            return context.shared(LocalLogStore.class, () -> open(root));
        } catch (UnsupportedOperationException e) {
            return open(root);
        }
    }

    /** Applies {@code newRetention} to every app, dropping what is over it now. */
    public void retention(LogRetention newRetention) {
        retention = Objects.requireNonNull(newRetention, "retention");
        apps.values().forEach(app -> app.retention(newRetention));
    }

    public LogRetention retention() {
        return retention;
    }

    /** Keeps {@code line} for the app and hands it to the app's subscribers. Never throws for I/O. */
    public void append(UUID appId, LogLine line) {
        Objects.requireNonNull(line, "line");
        Optional<AppLogFiles> files;
        try {
            files = Optional.of(app(appId));
        } catch (UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot open the log of app " + appId + ": " + e.getCause().getMessage());
            files = Optional.empty();
        }
        files.ifPresent(f -> f.append(line));
    }

    /** The lines matching {@code query}, newest {@code limit} of them, oldest first. */
    public LogPage query(UUID appId, LogQuery query) {
        AppLogFiles files;
        try {
            files = app(appId);
        } catch (UncheckedIOException e) {
            throw ProviderException.unavailable("cannot read the log: " + e.getCause().getMessage(), e);
        }
        return LogSearch.run(files.snapshot(), query);
    }

    /** The app's newest {@code n} lines, oldest first. */
    public List<LogLine> recent(UUID appId, int n) {
        if (n <= 0) {
            return List.of();
        }
        return query(appId, new LogQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), n,
                Optional.empty())).lines();
    }

    /** Receives the app's new lines until the returned handle is closed. */
    public AutoCloseable subscribe(UUID appId, Consumer<LogLine> subscriber) {
        return app(appId).subscribe(subscriber);
    }

    /** Lines and record bytes the app keeps now. */
    public long retainedLines(UUID appId) {
        return app(appId).lines();
    }

    public long retainedBytes(UUID appId) {
        return app(appId).bytes();
    }

    /** Deletes the app's log for good. */
    public void purge(UUID appId) {
        AppLogFiles files = apps.remove(appId);
        try {
            if (files != null) {
                files.purge();
            } else {
                AppLogFiles.open(folder(appId), retention).purge();
            }
        } catch (IOException e) {
            throw ProviderException.internal("cannot delete the log of app " + appId + ": " + e.getMessage(), e);
        }
    }

    /** Closes open files. The store stays usable: a later append opens its file again. */
    public void close() {
        apps.values().forEach(AppLogFiles::close);
    }

    private AppLogFiles app(UUID appId) {
        Objects.requireNonNull(appId, "appId");
        return apps.computeIfAbsent(appId, id -> {
            try {
                return AppLogFiles.open(folder(id), retention);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Path folder(UUID appId) {
        return root.resolve(appId.toString());
    }
}
