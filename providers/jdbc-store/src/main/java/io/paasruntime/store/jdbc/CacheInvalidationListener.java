package io.paasruntime.store.jdbc;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

/**
 * Keeps the {@link ReadCache} in step with writes made by other stores on the same database: on its
 * own connection it LISTENs to {@value #CHANNEL} (filled by the triggers of migration V2) and
 * invalidates each row it hears of. The cache serves only while this connection is up: on losing
 * it the cache is emptied and disabled, and on reconnecting it is emptied again and enabled, once a
 * probe sent from another connection came through (behind a transaction-pooling proxy such as
 * PgBouncer's transaction mode, LISTEN succeeds but nothing arrives, and the cache must stay off).
 * Runs on one daemon thread from {@link #start} to {@link #close}.
 */
final class CacheInvalidationListener implements AutoCloseable {
    static final String CHANNEL = "paas_cache";
    /** The table part of a probe's payload, which no cache acts on. */
    static final String PROBE = "probe";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(CacheInvalidationListener.class.getName());
    /** How long one wait for notifications blocks; bounds how long {@link #close} waits. */
    private static final int POLL_MILLIS = 250;
    /** A connection silent this long is asked whether it is still there (a half-open one would not fail). */
    private static final Duration LIVENESS_CHECK = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final DatabaseLogin login;
    private final ReadCache cache;
    private final Thread thread;
    private volatile boolean closed;

    CacheInvalidationListener(DatabaseLogin login, ReadCache cache) {
        this.login = login;
        this.cache = cache;
        this.thread = Thread.ofPlatform().daemon().name("paas-state-store-cache-listener").unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        boolean warned = false;
        while (!closed) {
            try (Connection connection = login.connect("paas-cache-listener")) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                awaitProbe(notifications);
                // Only now: every change committed since LISTEN will be heard.
                cache.enable();
                if (warned) {
                    LOG.log(System.Logger.Level.INFO, "state store cache listener hears changes again; caching again");
                    warned = false;
                }
                backoff = Duration.ofMillis(100);
                listen(connection, notifications);
            } catch (SQLException | RuntimeException e) {
                cache.disable();
                if (closed) {
                    break;
                }
                if (!warned) {
                    LOG.log(System.Logger.Level.WARNING, "state store cache listener cannot hear changes ("
                            + e.getMessage() + "); caching is off until it can");
                    warned = true;
                }
                if (!pause(backoff)) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        cache.disable();
    }

    /** Sends a probe from a connection of its own and waits until this one hears it. */
    private void awaitProbe(PGConnection notifications) throws SQLException {
        String probe = PROBE + ":" + UUID.randomUUID();
        try (Connection other = login.connect("paas-cache-probe");
             PreparedStatement notify = other.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, probe);
            notify.execute();
        }
        long deadline = System.nanoTime() + PROBE_TIMEOUT.toNanos();
        while (!closed && System.nanoTime() < deadline) {
            PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
            // Other changes heard meanwhile need no action: enabling empties the cache anyway.
            if (received != null && Arrays.stream(received).anyMatch(n -> n.getParameter().equals(probe))) {
                return;
            }
        }
        throw new SQLException("a probe sent on " + CHANNEL + " did not come back within " + PROBE_TIMEOUT.toSeconds()
                + " s (a transaction-pooling proxy between the runtime and PostgreSQL drops notifications)");
    }

    private void listen(Connection connection, PGConnection notifications) throws SQLException {
        long lastHeard = System.nanoTime();
        while (!closed) {
            PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
            if (received != null && received.length > 0) {
                for (PGNotification notification : received) {
                    cache.changed(notification.getParameter());
                }
                lastHeard = System.nanoTime();
            } else if (System.nanoTime() - lastHeard > LIVENESS_CHECK.toNanos()) {
                if (!connection.isValid(2)) {
                    throw new SQLException("the listening connection stopped answering");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops listening (within about {@value #POLL_MILLIS} ms) and leaves the cache disabled. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cache.disable();
    }
}
