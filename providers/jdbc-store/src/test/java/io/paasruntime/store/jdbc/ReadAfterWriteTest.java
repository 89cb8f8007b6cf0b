package io.paasruntime.store.jdbc;

import io.paasruntime.spi.ProviderContext.PostgresServer;
import io.paasruntime.spi.store.App;
import io.paasruntime.spi.store.Release;
import io.paasruntime.spi.store.ReleaseStatus;
import io.paasruntime.spi.store.StateStore;
import io.paasruntime.spi.store.Tenant;
import io.paasruntime.store.jdbc.embedded.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads after writes, with the read cache on or off (the {@code store.cache} setting of the subclass): through the same store a read
 * sees the write as soon as the write returned; a second store on the same database (a second server
 * replica) sees it within {@link #REPLICA_DEADLINE}. Each subclass runs one embedded PostgreSQL with two
 * stores on it: {@link #store} started it, {@link #replica} connects by URL.
 */
abstract class ReadAfterWriteTest {
    static final Duration REPLICA_DEADLINE = Duration.ofSeconds(2);
    @TempDir
    static Path dataDir;
    static StateStore store;
    static StateStore replica;
    static PostgresServer server;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    /** Opens both stores with {@code store.cache} set to {@code cache}; each subclass's {@code @BeforeAll}. */
    static void open(String cache) {
        store = TestStores.open(dataDir, Map.of("cache", cache));
        server = store.embeddedServer().orElseThrow();
        replica = TestStores.open(dataDir.resolve("replica"), Map.of("url", server.jdbcUrl(EmbeddedPostgresServer.DATABASE),
                "user", server.superuser(), "password", server.password(), "pool-size", "2", "cache", cache));
    }

    @AfterAll
    static void stopStores() {
        try {
            if (replica != null) {
                replica.close();
            }
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }

    @Test
    void aRenameIsSeenByTheNextReadByIdAndByBothNames() {
        App app = newApp(newTenant(), "before");
        readEverywhere(app);

        App renamed = withName(app, "after");
        store.apps().update(renamed);

        assertThat(store.apps().findById(app.tenantId(), app.id())).contains(renamed);
        assertThat(store.apps().findLiveByName(app.tenantId(), "before")).isEmpty();
        assertThat(store.apps().findLiveByName(app.tenantId(), "after")).contains(renamed);
    }

    @Test
    void aSoftDeleteEmptiesTheLiveNameAndFreesItForANewApp() {
        Tenant tenant = newTenant();
        App app = newApp(tenant, "doomed");
        readEverywhere(app);

        App deleted = new App(app.id(), app.tenantId(), app.name(), app.region(), app.createdAt(), now,
                Optional.of(now), app.currentReleaseId());
        store.apps().update(deleted);

        assertThat(store.apps().findLiveByName(tenant.id(), "doomed")).isEmpty();
        assertThat(store.apps().findById(tenant.id(), app.id())).contains(deleted);
        App successor = newApp(tenant, "doomed");
        assertThat(store.apps().findLiveByName(tenant.id(), "doomed")).contains(successor);
    }

    @Test
    void aReleaseStatusChangeAndANewCurrentReleaseAreSeenByTheNextRead() {
        App app = newApp(newTenant(), "deployed");
        Release release = newRelease(app, 1);
        readEverywhere(app);
        assertThat(store.releases().findById(app.id(), release.id())).contains(release);

        store.releases().updateStatus(release.id(), ReleaseStatus.SUCCEEDED, Optional.of("healthy"));
        App current = withCurrentRelease(app, release.id());
        store.apps().update(current);

        assertThat(store.releases().findById(app.id(), release.id()))
                .contains(release.withStatus(ReleaseStatus.SUCCEEDED, Optional.of("healthy")));
        assertThat(store.apps().findLiveByName(app.tenantId(), app.name())).contains(current);
    }

    @Test
    void aPurgedAppAndItsReleasesAreGoneFromTheNextRead() {
        App app = newApp(newTenant(), "purged");
        Release release = newRelease(app, 1);
        readEverywhere(app);
        store.releases().findById(app.id(), release.id());

        store.apps().purge(app.id());

        assertThat(store.apps().findById(app.tenantId(), app.id())).isEmpty();
        assertThat(store.apps().findLiveByName(app.tenantId(), app.name())).isEmpty();
        assertThat(store.releases().findById(app.id(), release.id())).isEmpty();
    }

    @Test
    void aDeletedTenantsAppsAndReleasesAreGoneFromTheNextRead() {
        Tenant tenant = newTenant();
        App app = newApp(tenant, "orphaned");
        Release release = newRelease(app, 1);
        readEverywhere(app);
        store.releases().findById(app.id(), release.id());

        store.tenants().delete(tenant.id());

        assertThat(store.apps().findById(tenant.id(), app.id())).isEmpty();
        assertThat(store.apps().findLiveByName(tenant.id(), app.name())).isEmpty();
        assertThat(store.releases().findById(app.id(), release.id())).isEmpty();
    }

    @Test
    void aTransactionSeesItsOwnWritesAndAReadDuringItDoesNotOutliveTheCommit() {
        App app = newApp(newTenant(), "in-tx");
        Release release = newRelease(app, 1);
        readEverywhere(app);
        App renamed = withName(app, "in-tx-renamed");

        store.transaction(tx -> {
            tx.apps().update(renamed);
            tx.releases().updateStatus(release.id(), ReleaseStatus.FAILED, Optional.of("crashed"));
            assertThat(tx.apps().findById(app.tenantId(), app.id())).contains(renamed);
            assertThat(tx.apps().findLiveByName(app.tenantId(), "in-tx-renamed")).contains(renamed);
            assertThat(tx.releases().findById(app.id(), release.id()).map(Release::status)).contains(ReleaseStatus.FAILED);
            // Outside the transaction the change is not committed yet: these reads get (and may cache) the old rows.
            assertThat(store.apps().findById(app.tenantId(), app.id())).contains(app);
            assertThat(store.apps().findLiveByName(app.tenantId(), "in-tx")).contains(app);
            assertThat(store.releases().findById(app.id(), release.id())).contains(release);
            return null;
        });

        assertThat(store.apps().findById(app.tenantId(), app.id())).contains(renamed);
        assertThat(store.apps().findLiveByName(app.tenantId(), "in-tx")).isEmpty();
        assertThat(store.releases().findById(app.id(), release.id()).map(Release::status)).contains(ReleaseStatus.FAILED);
    }

    @Test
    void aRolledBackTransactionLeavesReadsAsTheDatabaseIs() {
        App app = newApp(newTenant(), "kept");
        Release release = newRelease(app, 1);
        readEverywhere(app);
        store.releases().findById(app.id(), release.id());

        assertThatThrownBy(() -> store.transaction(tx -> {
            tx.apps().update(withName(app, "never"));
            tx.releases().updateStatus(release.id(), ReleaseStatus.FAILED, Optional.empty());
            assertThat(tx.apps().findLiveByName(app.tenantId(), "never")).isPresent();
            assertThat(store.apps().findLiveByName(app.tenantId(), "kept")).contains(app);
            throw new IllegalStateException("changed my mind");
        })).hasMessage("changed my mind");

        assertThat(store.apps().findById(app.tenantId(), app.id())).contains(app);
        assertThat(store.apps().findLiveByName(app.tenantId(), "kept")).contains(app);
        assertThat(store.apps().findLiveByName(app.tenantId(), "never")).isEmpty();
        assertThat(store.releases().findById(app.id(), release.id())).contains(release);
        assertThat(replica.apps().findById(app.tenantId(), app.id())).contains(app);
    }

    @Test
    void anotherStoreOnTheSameDatabaseSeesUpdatesWithinTheDeadline() {
        App app = newApp(newTenant(), "shared");
        Release release = newRelease(app, 1);
        readEverywhere(app);
        assertThat(replica.releases().findById(app.id(), release.id())).contains(release);

        App renamed = withCurrentRelease(withName(app, "shared-renamed"), release.id());
        store.apps().update(renamed);
        store.releases().updateStatus(release.id(), ReleaseStatus.SUCCEEDED, Optional.empty());

        eventually(() -> replica.apps().findById(app.tenantId(), app.id()).equals(Optional.of(renamed)));
        eventually(() -> replica.apps().findLiveByName(app.tenantId(), "shared").isEmpty());
        eventually(() -> replica.releases().findById(app.id(), release.id()).map(Release::status)
                .equals(Optional.of(ReleaseStatus.SUCCEEDED)));
    }

    @Test
    void anotherStoreSeesAPurgeAndATransactionsCommitWithinTheDeadline() {
        App purged = newApp(newTenant(), "gone-elsewhere");
        Release purgedRelease = newRelease(purged, 1);
        App changed = newApp(newTenant(), "changed-elsewhere");
        readEverywhere(purged);
        readEverywhere(changed);
        replica.releases().findById(purged.id(), purgedRelease.id());

        store.apps().purge(purged.id());
        App renamed = withName(changed, "changed-in-tx");
        store.transaction(tx -> {
            tx.apps().update(renamed);
            return null;
        });

        eventually(() -> replica.apps().findById(purged.tenantId(), purged.id()).isEmpty());
        eventually(() -> replica.releases().findById(purged.id(), purgedRelease.id()).isEmpty());
        eventually(() -> replica.apps().findLiveByName(changed.tenantId(), "changed-in-tx").equals(Optional.of(renamed)));
        eventually(() -> replica.apps().findLiveByName(changed.tenantId(), "changed-elsewhere").isEmpty());
    }

    /** Reads the app by id and name through both stores, so that a cache holds it everywhere. */
    void readEverywhere(App app) {
        for (StateStore s : new StateStore[] {store, replica}) {
            assertThat(s.apps().findById(app.tenantId(), app.id())).contains(app);
            assertThat(s.apps().findLiveByName(app.tenantId(), app.name())).contains(app);
        }
    }

    static void eventually(Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + REPLICA_DEADLINE.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + REPLICA_DEADLINE);
            }
            pause();
        }
    }

    /** Waits until {@code condition} holds, for up to 10 s (a listener reconnecting after a failure). */
    static void within10Seconds(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not true within 10 s");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    Tenant newTenant() {
        Tenant tenant = new Tenant(UUID.randomUUID(), "tenant-" + UUID.randomUUID(), now);
        store.tenants().insert(tenant);
        return tenant;
    }

    App newApp(Tenant tenant, String name) {
        App app = new App(UUID.randomUUID(), tenant.id(), name, "local", now, now, Optional.empty(), Optional.empty());
        store.apps().insert(app);
        return app;
    }

    Release newRelease(App app, int version) {
        Release release = new Release(UUID.randomUUID(), app.id(), version, ReleaseStatus.PENDING, Optional.empty(),
                "artifact", "sha256:" + version, Map.of("web", "./run"), Map.of(), Optional.empty(), Optional.empty(),
                now, "ada@example.com");
        store.releases().insert(release);
        return release;
    }

    static App withName(App app, String name) {
        return new App(app.id(), app.tenantId(), name, app.region(), app.createdAt(), app.updatedAt(), app.deletedAt(),
                app.currentReleaseId());
    }

    static App withCurrentRelease(App app, UUID releaseId) {
        return new App(app.id(), app.tenantId(), app.name(), app.region(), app.createdAt(), app.updatedAt(),
                app.deletedAt(), Optional.of(releaseId));
    }
}
