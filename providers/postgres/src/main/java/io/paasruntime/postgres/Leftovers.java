package io.paasruntime.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Half-made add-ons whose undo could not run because the server went away mid-way. They are dropped
 * as soon as the server answers again: before every later operation and by a background retry, so
 * nothing half-created outlives an outage. The retry also sweeps roles a crashed runtime left marked
 * as being provisioned for longer than {@link #ABANDONED_AFTER}.
 *
 * <p>Threading: thread-safe; {@link #close} stops the background retry.
 */
final class Leftovers implements AutoCloseable {
    /** A provisioning that has been running this long was interrupted (a normal one takes a second). */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);
    private static final System.Logger LOG = System.getLogger(Leftovers.class.getName());

    private final AdminServer server;
    private final Clock clock;
    /** name → whether the database was created too (a pre-existing database of that name is never dropped) */
    private final Map<AddonIdentity, Boolean> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService retry;
    /** Whether a sweep for abandoned roles has succeeded since start-up; after that the retry idles when nothing is pending. */
    private volatile boolean swept;

    Leftovers(AdminServer server, Clock clock, Duration retryEvery) {
        this.server = server;
        this.clock = clock;
        this.retry = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "postgres-addon-cleanup");
            t.setDaemon(true);
            return t;
        });
        retry.scheduleWithFixedDelay(this::retryQuietly, retryEvery.toMillis(), retryEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void add(AddonIdentity id, boolean databaseCreated) {
        pending.merge(id, databaseCreated, Boolean::logicalOr);
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Drops what is pending and what crashed runtimes abandoned; keeps what still fails. */
    synchronized void dropAll(Connection c) throws SQLException {
        for (AddonIdentity id : AddonSql.abandoned(c, clock.instant().minus(ABANDONED_AFTER))) {
            pending.putIfAbsent(id, true);
        }
        for (Map.Entry<AddonIdentity, Boolean> e : Map.copyOf(pending).entrySet()) {
            if (e.getValue()) {
                AddonSql.dropDatabase(c, e.getKey());
            }
            AddonSql.dropRole(c, e.getKey());
            pending.remove(e.getKey());
            LOG.log(System.Logger.Level.INFO, "dropped half-created add-on " + e.getKey().name());
        }
        swept = true;
    }

    /**
     * {@link #dropAll} before an operation: a leftover that cannot be dropped (say, the admin lost a
     * right) is logged and kept, and must not block the operation itself.
     */
    void dropAllBefore(Connection c, String operation) {
        try {
            dropAll(c);
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "could not drop half-created add-ons before " + operation
                    + "; will retry: " + e.getMessage());
        }
    }

    private void retryQuietly() {
        if (swept && pending.isEmpty()) {
            return;
        }
        try (Connection c = server.connect()) {
            dropAll(c);
        } catch (SQLException | RuntimeException e) {
            if (!pending.isEmpty()) {
                LOG.log(System.Logger.Level.DEBUG, "add-on cleanup waits for the server: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        retry.shutdownNow();
    }
}
