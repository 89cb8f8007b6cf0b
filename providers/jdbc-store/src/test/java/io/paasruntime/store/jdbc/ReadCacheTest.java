package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.App;
import io.paasruntime.spi.store.Release;
import io.paasruntime.spi.store.ReleaseStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache alone: what it serves, and what it refuses to keep. */
class ReadCacheTest {
    private final Instant now = Instant.parse("2026-01-02T03:04:05Z");
    private final UUID tenant = UUID.randomUUID();
    private final ReadCache cache = new ReadCache();

    @BeforeEach
    void listenerConnected() {
        cache.enable();
    }

    @Test
    void aRowReadBeforeAnInvalidationIsNotKept() {
        App app = app("racer");
        long stamp = cache.stamp();
        cache.appChanged(app.id()); // a write committed while the read was on its way
        cache.putApp(stamp, app);

        assertThat(cache.app(tenant, app.id())).isEmpty();
        assertThat(cache.liveApp(tenant, "racer")).isEmpty();
    }

    @Test
    void anAppIsServedByIdAndLiveNameOnlyToItsTenant() {
        App app = app("mine");
        cache.putApp(cache.stamp(), app);

        assertThat(cache.app(tenant, app.id())).contains(app);
        assertThat(cache.liveApp(tenant, "mine")).contains(app);
        assertThat(cache.app(UUID.randomUUID(), app.id())).isEmpty();
        assertThat(cache.liveApp(UUID.randomUUID(), "mine")).isEmpty();
        assertThat(cache.liveApp(tenant, "other")).isEmpty();
    }

    @Test
    void aNameWhoseAppWasInvalidatedOrRenamedMisses() {
        App app = app("old-name");
        cache.putApp(cache.stamp(), app);
        cache.appChanged(app.id());
        assertThat(cache.liveApp(tenant, "old-name")).isEmpty();

        App renamed = new App(app.id(), tenant, "new-name", "local", now, now, Optional.empty(), Optional.empty());
        cache.putApp(cache.stamp(), renamed);
        assertThat(cache.liveApp(tenant, "old-name")).as("the old name still points at the app").isEmpty();
        assertThat(cache.liveApp(tenant, "new-name")).contains(renamed);
    }

    @Test
    void aDeletedAppIsServedByIdButNotByName() {
        App deleted = new App(UUID.randomUUID(), tenant, "gone", "local", now, now, Optional.of(now), Optional.empty());
        cache.putApp(cache.stamp(), deleted);

        assertThat(cache.app(tenant, deleted.id())).contains(deleted);
        assertThat(cache.liveApp(tenant, "gone")).isEmpty();
    }

    @Test
    void aPurgeTakesTheAppsReleasesAlongAndLeavesOthers() {
        App app = app("purged");
        Release release = release(app.id());
        Release other = release(UUID.randomUUID());
        cache.putApp(cache.stamp(), app);
        cache.putRelease(cache.stamp(), release);
        cache.putRelease(cache.stamp(), other);

        cache.appPurged(app.id());

        assertThat(cache.app(tenant, app.id())).isEmpty();
        assertThat(cache.release(app.id(), release.id())).isEmpty();
        assertThat(cache.release(other.appId(), other.id())).contains(other);
    }

    @Test
    void aReleaseIsServedOnlyForItsApp() {
        Release release = release(UUID.randomUUID());
        cache.putRelease(cache.stamp(), release);

        assertThat(cache.release(release.appId(), release.id())).contains(release);
        assertThat(cache.release(UUID.randomUUID(), release.id())).isEmpty();
    }

    @Test
    void notificationsInvalidateTheNamedRowProbesNothingAndAnythingUnknownClearsAll() {
        App app = app("notified");
        Release release = release(app.id());
        App bystander = app("bystander");
        cache.putApp(cache.stamp(), app);
        cache.putApp(cache.stamp(), bystander);
        cache.putRelease(cache.stamp(), release);

        cache.changed("apps:" + app.id());
        cache.changed("releases:" + release.id());
        assertThat(cache.app(tenant, app.id())).isEmpty();
        assertThat(cache.release(app.id(), release.id())).isEmpty();
        assertThat(cache.app(tenant, bystander.id())).contains(bystander);
        cache.changed(CacheInvalidationListener.PROBE + ":" + UUID.randomUUID());
        assertThat(cache.app(tenant, bystander.id())).as("a listener's probe changes nothing").contains(bystander);

        for (String garbage : new String[] {"", "apps", "apps:not-a-uuid", "releases:", "tenants:" + UUID.randomUUID(), ":"}) {
            cache.putApp(cache.stamp(), bystander);
            cache.changed(garbage);
            assertThat(cache.app(tenant, bystander.id())).as(garbage).isEmpty();
        }
    }

    @Test
    void aDisabledCacheServesAndKeepsNothingAndEnablingStartsEmpty() {
        App app = app("paused");
        cache.putApp(cache.stamp(), app);

        cache.disable();
        assertThat(cache.app(tenant, app.id())).isEmpty();
        long stamp = cache.stamp();
        cache.putApp(stamp, app);

        cache.enable();
        assertThat(cache.app(tenant, app.id())).isEmpty();
        cache.putApp(stamp, app);
        assertThat(cache.app(tenant, app.id())).as("read while disabled, put after enabling").isEmpty();
    }

    @Test
    void aFullCacheStartsOverInsteadOfGrowing() {
        App first = app("first");
        cache.putApp(cache.stamp(), first);
        for (int i = 1; i < ReadCache.MAX_ENTRIES; i++) {
            cache.putApp(cache.stamp(), app("app-" + i));
        }
        assertThat(cache.app(tenant, first.id())).contains(first);

        App overflow = app("overflow");
        cache.putApp(cache.stamp(), overflow);

        assertThat(cache.app(tenant, first.id())).isEmpty();
        assertThat(cache.app(tenant, overflow.id())).contains(overflow);
    }

    private App app(String name) {
        return new App(UUID.randomUUID(), tenant, name, "local", now, now, Optional.empty(), Optional.empty());
    }

    private Release release(UUID appId) {
        return new Release(UUID.randomUUID(), appId, 1, ReleaseStatus.RUNNING, Optional.empty(), "artifact", "sha256:1",
                Map.of("web", "./run"), Map.of(), Optional.empty(), Optional.empty(), now, "ada@example.com");
    }
}
