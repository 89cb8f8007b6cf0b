package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.App;
import io.paasruntime.spi.store.Release;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * App and release rows as last read through the per-call store, so that resolving an app and its
 * current release on every request costs no round trip. Holds only rows that exist (a miss is never
 * remembered), at most {@link #MAX_ENTRIES} of each kind (a full map is emptied, not managed).
 *
 * <p>Never stale after a write returns: every write through this store invalidates here, and writes
 * by other stores arrive through {@link CacheInvalidationListener}. A read that raced with an
 * invalidation must not put back the row it read before the write: each read takes a {@link #stamp()}
 * before going to the database and its row is dropped if any invalidation came in since.
 * Serves nothing while disabled (no listener connection: other stores' writes would go unheard).
 * Thread-safe.
 */
final class ReadCache implements RowChanges {
    static final int MAX_ENTRIES = 10_000;

    private final Map<UUID, App> apps = new ConcurrentHashMap<>();
    private final Map<LiveName, UUID> liveNames = new ConcurrentHashMap<>();
    private final Map<UUID, Release> releases = new ConcurrentHashMap<>();
    private final AtomicLong invalidations = new AtomicLong();
    private volatile boolean enabled;

    private record LiveName(UUID tenantId, String name) {
    }

    /** Taken before a database read whose row is then offered to a {@code put} method. */
    long stamp() {
        return invalidations.get();
    }

    boolean enabled() {
        return enabled;
    }

    /** The app, deleted or not, if held and of this tenant; empty means "ask the database". */
    Optional<App> app(UUID tenantId, UUID appId) {
        if (!enabled) {
            return Optional.empty();
        }
        return Optional.ofNullable(apps.get(appId)).filter(app -> app.tenantId().equals(tenantId));
    }

    /**
     * The tenant's live app of this name, if held. The name only points at an app entry, which is
     * checked again: an app renamed or deleted since no longer matches, whatever the name map says.
     */
    Optional<App> liveApp(UUID tenantId, String name) {
        if (!enabled) {
            return Optional.empty();
        }
        return Optional.ofNullable(liveNames.get(new LiveName(tenantId, name)))
                .flatMap(id -> app(tenantId, id))
                .filter(app -> app.name().equals(name) && !app.deleted());
    }

    Optional<Release> release(UUID appId, UUID releaseId) {
        if (!enabled) {
            return Optional.empty();
        }
        return Optional.ofNullable(releases.get(releaseId)).filter(release -> release.appId().equals(appId));
    }

    void putApp(long stamp, App app) {
        put(apps, stamp, app.id(), app);
        if (!app.deleted()) {
            put(liveNames, stamp, new LiveName(app.tenantId(), app.name()), app.id());
        }
    }

    void putRelease(long stamp, Release release) {
        put(releases, stamp, release.id(), release);
    }

    /**
     * Puts unless an invalidation came in since {@code stamp}. Invalidations count up before they
     * remove, so either one counted before the check after the put (and the put takes itself back)
     * or it removes after the put.
     */
    private <K, V> void put(Map<K, V> map, long stamp, K key, V value) {
        if (!enabled || stamp != invalidations.get()) {
            return;
        }
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
        map.put(key, value);
        if (stamp != invalidations.get()) {
            map.remove(key, value);
        }
    }

    @Override
    public void appChanged(UUID appId) {
        invalidations.incrementAndGet();
        apps.remove(appId); // its names now point at nothing and miss
    }

    @Override
    public void appPurged(UUID appId) {
        invalidations.incrementAndGet();
        apps.remove(appId);
        releases.values().removeIf(release -> release.appId().equals(appId));
    }

    @Override
    public void releaseChanged(UUID releaseId) {
        invalidations.incrementAndGet();
        releases.remove(releaseId);
    }

    /** Rare enough to forget everything rather than find the tenant's releases. */
    @Override
    public void tenantDeleted(UUID tenantId) {
        clear();
    }

    /**
     * A notification from {@link CacheInvalidationListener}: {@code apps:<id>} or {@code releases:<id>},
     * or a listener's {@code probe:…} (no change). Anything else forgets everything, which is always right.
     */
    void changed(String notification) {
        int colon = notification.indexOf(':');
        String table = colon < 0 ? "" : notification.substring(0, colon);
        if (table.equals(CacheInvalidationListener.PROBE)) {
            return;
        }
        Optional<UUID> id = parseUuid(notification.substring(colon + 1));
        switch (table) {
            case "apps" -> id.ifPresentOrElse(this::appChanged, this::clear);
            case "releases" -> id.ifPresentOrElse(this::releaseChanged, this::clear);
            default -> clear();
        }
    }

    private static Optional<UUID> parseUuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Serves again, from nothing: changes made while disabled went unheard. */
    void enable() {
        clear();
        enabled = true;
    }

    /** Serves nothing until {@link #enable()}d again. */
    void disable() {
        enabled = false;
        clear();
    }

    private void clear() {
        invalidations.incrementAndGet();
        apps.clear();
        liveNames.clear();
        releases.clear();
    }
}
