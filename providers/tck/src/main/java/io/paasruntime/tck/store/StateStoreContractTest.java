package io.paasruntime.tck.store;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.store.Addon;
import io.paasruntime.spi.store.App;
import io.paasruntime.spi.store.AuditEvent;
import io.paasruntime.spi.store.IdempotentResponse;
import io.paasruntime.spi.store.Page;
import io.paasruntime.spi.store.ProcessFormation;
import io.paasruntime.spi.store.Release;
import io.paasruntime.spi.store.ReleaseStatus;
import io.paasruntime.spi.store.SigningKey;
import io.paasruntime.spi.store.StateStore;
import io.paasruntime.spi.store.Tenant;
import io.paasruntime.spi.store.User;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link StateStore} must do. A subclass hands over the store under test through
 * {@link #store()}; one store may serve all tests of a class, so every test makes its own tenants,
 * apps and keys and never assumes the store is empty. Times are whole milliseconds: a store need
 * not keep more precision than that.
 */
public abstract class StateStoreContractTest {

    /** The store under test; the subclass opens and closes it. */
    protected abstract StateStore store();

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void insertedRecordsAreFoundAgainWithEveryField() {
        Tenant tenant = newTenant();
        User user = new User(UUID.randomUUID(), tenant.id(), unique("u") + "@example.com", Optional.of("$argon2id$h"), now);
        store().users().insert(user);
        App app = newApp(tenant, unique("app"));

        assertThat(store().tenants().findById(tenant.id())).contains(tenant);
        assertThat(store().tenants().findByName(tenant.name())).contains(tenant);
        assertThat(store().users().findById(user.id())).contains(user);
        assertThat(store().apps().findById(tenant.id(), app.id())).contains(app);
        assertThat(store().apps().findLiveByName(tenant.id(), app.name())).contains(app);
        assertThat(store().apps().listAllLive()).contains(app);
        assertThat(store().tenants().findById(UUID.randomUUID())).isEmpty();
    }

    @Test
    void liveAppNamesConflictWithinATenantButASoftDeleteFreesTheName() {
        Tenant tenant = newTenant();
        App first = newApp(tenant, "web");
        assertConflict(() -> newApp(tenant, "web"));
        App other = newApp(tenant, "api");
        assertConflict(() -> store().apps().update(renamed(other, "web")));

        App deleted = new App(first.id(), tenant.id(), "web", "local", first.createdAt(), now, Optional.of(now), Optional.empty());
        store().apps().update(deleted);
        App second = newApp(tenant, "web");
        assertThat(store().apps().findLiveByName(tenant.id(), "web")).contains(second);
        assertThat(store().apps().listDeletedBefore(now.plusSeconds(1))).contains(deleted);
        // Restoring the first would now clash with the second.
        assertConflict(() -> store().apps().update(renamed(deleted, "web")));
        assertThat(newApp(newTenant(), "web").name()).isEqualTo("web");
    }

    @Test
    void updatingAnAppOfAnotherTenantIsNotFound() {
        App app = newApp(newTenant(), unique("app"));
        App foreign = new App(app.id(), newTenant().id(), "stolen", "local", now, now, Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> store().apps().update(foreign))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND));
    }

    @Test
    void emailsConflictWhateverTheirCase() {
        Tenant tenant = newTenant();
        String local = unique("Ada");
        User ada = new User(UUID.randomUUID(), tenant.id(), local + "@Example.com", Optional.empty(), now);
        store().users().insert(ada);

        assertConflict(() -> store().users().insert(
                new User(UUID.randomUUID(), newTenant().id(), local.toUpperCase() + "@EXAMPLE.COM", Optional.empty(), now)));
        assertThat(store().users().findByEmail(local.toLowerCase() + "@example.com")).contains(ada);
    }

    @Test
    void anotherTenantsRecordsAreNotFound() {
        Tenant owner = newTenant();
        Tenant stranger = newTenant();
        App app = newApp(owner, "private");
        Addon addon = newAddon(owner, app, unique("db"), now);

        assertThat(store().apps().findById(stranger.id(), app.id())).isEmpty();
        assertThat(store().apps().findLiveByName(stranger.id(), "private")).isEmpty();
        assertThat(store().apps().list(stranger.id(), false, Optional.empty(), 50).items()).isEmpty();
        assertThat(store().addons().findById(stranger.id(), addon.id())).isEmpty();
        assertThat(store().addons().findById(owner.id(), addon.id())).contains(addon);
    }

    @Test
    void appListsComeInKeysetPagesOrderedById() {
        Tenant tenant = newTenant();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(uuidV7(now.plusMillis(i)));
        }
        List<UUID> insertionOrder = new ArrayList<>(ids);
        Collections.shuffle(insertionOrder);
        insertionOrder.forEach(id -> store().apps().insert(app(id, tenant, "app-" + ids.indexOf(id))));
        App gone = newApp(tenant, "gone");
        store().apps().update(new App(gone.id(), tenant.id(), "gone", "local", now, now, Optional.of(now), Optional.empty()));

        Page<App, UUID> first = store().apps().list(tenant.id(), false, Optional.empty(), 2);
        Page<App, UUID> second = store().apps().list(tenant.id(), false, first.next(), 2);
        Page<App, UUID> last = store().apps().list(tenant.id(), false, second.next(), 2);

        assertThat(first.items()).extracting(App::id).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(first.next()).contains(ids.get(1));
        assertThat(second.items()).extracting(App::id).containsExactlyElementsOf(ids.subList(2, 4));
        assertThat(last.items()).extracting(App::id).containsExactly(ids.get(4));
        assertThat(last.next()).isEmpty();
        assertThat(store().apps().list(tenant.id(), false, Optional.empty(), 5).next()).as("exact fit").isEmpty();
        assertThat(store().apps().list(tenant.id(), true, Optional.empty(), 5).items()).extracting(App::name).containsExactly("gone");
        assertThatThrownBy(() -> store().apps().list(tenant.id(), false, Optional.empty(), 0))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID));
    }

    @Test
    void releaseVersionsAreUniqueAndMaxVersionRemembersTheHighestEverUsed() {
        App app = newApp(newTenant(), unique("app"));
        App other = newApp(newTenant(), unique("app"));
        assertThat(store().releases().maxVersion(app.id())).isZero();
        for (int v = 1; v <= 3; v++) {
            store().releases().insert(release(app, v, ReleaseStatus.SUCCEEDED));
        }
        store().releases().insert(release(other, 1, ReleaseStatus.PENDING));

        assertConflict(() -> store().releases().insert(release(app, 2, ReleaseStatus.PENDING)));
        assertThat(store().releases().maxVersion(app.id())).isEqualTo(3);
        Page<Release, Integer> newest = store().releases().list(app.id(), Optional.empty(), 2);
        assertThat(newest.items()).extracting(Release::version).containsExactly(3, 2);
        assertThat(newest.next()).contains(2);
        Page<Release, Integer> oldest = store().releases().list(app.id(), newest.next(), 2);
        assertThat(oldest.items()).extracting(Release::version).containsExactly(1);
        assertThat(oldest.next()).isEmpty();

        store().apps().purge(app.id());
        assertThat(store().releases().findByVersion(app.id(), 3)).isEmpty();
        assertThat(store().releases().maxVersion(app.id())).as("versions are never reused").isEqualTo(3);
    }

    @Test
    void releasesKeepTheirProcessesAndConfigExactlyAndChangeOnlyTheirStatus() {
        App app = newApp(newTenant(), unique("app"));
        Map<String, String> config = Map.of("QUOTED", "say \"hi\"\\", "MULTI", "line1\nline2\ttab", "UNICODE", "été ✓ 🚀", "EMPTY", "");
        Release release = new Release(UUID.randomUUID(), app.id(), 1, ReleaseStatus.PENDING, Optional.empty(), "image",
                "registry/app:1", Map.of("web", "java -jar app.jar --port=$PORT", "worker", "sh -c 'run \"x\"'"), config,
                Optional.of("first deploy"), Optional.empty(), now, "ada@example.com");
        store().releases().insert(release);

        assertThat(store().releases().findById(app.id(), release.id())).contains(release);
        assertThat(store().releases().findById(UUID.randomUUID(), release.id())).isEmpty();
        store().releases().updateStatus(release.id(), ReleaseStatus.FAILED, Optional.of("crashed"));
        assertThat(store().releases().findByVersion(app.id(), 1))
                .contains(release.withStatus(ReleaseStatus.FAILED, Optional.of("crashed")));
        assertThat(store().releases().listByStatus(List.of(ReleaseStatus.FAILED))).extracting(Release::id).contains(release.id());
        assertThat(store().releases().listByStatus(List.of(ReleaseStatus.RUNNING))).extracting(Release::id).doesNotContain(release.id());
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        Tenant tenant = newTenant();
        UUID appId = uuidV7(now);
        assertThatThrownBy(() -> store().transaction(tx -> {
            tx.apps().insert(app(appId, tenant, "half-made"));
            tx.settings().replaceConfigVars(appId, Map.of("A", "1"));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(store().apps().findById(tenant.id(), appId)).isEmpty();

        String name = store().transaction(tx -> {
            tx.apps().insert(app(appId, tenant, "whole"));
            tx.settings().replaceConfigVars(appId, Map.of("A", "1"));
            return tx.apps().findById(tenant.id(), appId).orElseThrow().name();
        });
        assertThat(name).isEqualTo("whole");
        assertThat(store().settings().configVars(appId)).containsExactly(Map.entry("A", "1"));
    }

    @Test
    void aConflictCaughtInsideATransactionDoesNotUndoTheRest() {
        Tenant tenant = newTenant();
        newApp(tenant, "taken");
        UUID appId = uuidV7(now);
        store().transaction(tx -> {
            assertConflict(() -> tx.apps().insert(app(UUID.randomUUID(), tenant, "taken")));
            tx.apps().insert(app(appId, tenant, "free"));
            return null;
        });
        assertThat(store().apps().findById(tenant.id(), appId)).isPresent();
    }

    @Test
    void exclusivelyRefusesASecondHolderWhileTheFirstRuns() throws Exception {
        String job = unique("job");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Optional<String>> first = CompletableFuture.supplyAsync(() -> store().exclusively(job, () -> {
            holding.countDown();
            await(finish);
            return "first";
        }));
        try {
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(store().exclusively(job, () -> "second")).isEmpty();
            assertThat(store().exclusively(unique("other-job"), () -> "other")).contains("other");
        } finally {
            finish.countDown();
        }
        assertThat(first.get(10, TimeUnit.SECONDS)).contains("first");
        assertThat(store().exclusively(job, () -> "again")).contains("again");
    }

    @Test
    void configVarsAreReplacedWhole() {
        App app = newApp(newTenant(), unique("app"));
        assertThat(store().settings().configVars(app.id())).isEmpty();
        store().settings().replaceConfigVars(app.id(), Map.of("A", "1", "B", "2"));
        store().settings().replaceConfigVars(app.id(), Map.of("B", "3", "C", "x=y;z"));
        assertThat(store().settings().configVars(app.id())).isEqualTo(Map.of("B", "3", "C", "x=y;z"));
        store().settings().replaceConfigVars(app.id(), Map.of());
        assertThat(store().settings().configVars(app.id())).isEmpty();
    }

    @Test
    void putFormationReplacesOnlyItsProcessType() {
        App app = newApp(newTenant(), unique("app"));
        store().settings().putFormation(app.id(), new ProcessFormation("web", 2, "small"));
        store().settings().putFormation(app.id(), new ProcessFormation("worker", 1, "small"));
        store().settings().putFormation(app.id(), new ProcessFormation("web", 0, "large"));
        assertThat(store().settings().formation(app.id())).isEqualTo(Map.of(
                "web", new ProcessFormation("web", 0, "large"), "worker", new ProcessFormation("worker", 1, "small")));
    }

    @Test
    void addonsAreListedOldestFirstWithUniqueNamesPerTenant() {
        Tenant tenant = newTenant();
        App app = newApp(tenant, unique("app"));
        Addon older = newAddon(tenant, app, "db-a", now.minusSeconds(5));
        Addon newer = newAddon(tenant, app, "db-b", now);
        assertConflict(() -> newAddon(tenant, newApp(tenant, unique("app")), "db-a", now));

        store().addons().updateStatus(older.id(), "available");
        assertThat(store().addons().listByApp(app.id())).containsExactly(older.withStatus("available"), newer);
        store().addons().delete(newer.id());
        assertThat(store().addons().listByApp(app.id())).extracting(Addon::id).containsExactly(older.id());
        assertThatThrownBy(() -> store().addons().updateStatus(UUID.randomUUID(), "x"))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND));
    }

    @Test
    void auditListsATenantsNewestEventsFirst() {
        Tenant tenant = newTenant();
        Tenant other = newTenant();
        for (int i = 0; i < 3; i++) {
            store().audit().append(event(tenant, "app.create." + i, now.plusSeconds(i)));
        }
        store().audit().append(event(other, "app.delete", now.plusSeconds(10)));
        assertThat(store().audit().recent(tenant.id(), 2)).extracting(AuditEvent::action)
                .containsExactly("app.create.2", "app.create.1");
    }

    @Test
    void idempotentResponsesKeepTheFirstAnswer() {
        String scope = unique("tenant:user");
        IdempotentResponse first = new IdempotentResponse(scope, "k1", "sha256:aa", 201, "{\"id\":1}", now);
        assertThat(store().idempotency().insertIfAbsent(first)).isTrue();
        assertThat(store().idempotency().insertIfAbsent(new IdempotentResponse(scope, "k1", "sha256:bb", 500, "{}", now))).isFalse();
        assertThat(store().idempotency().find(scope, "k1")).contains(first);
        assertThat(store().idempotency().find(scope, "k2")).isEmpty();

        IdempotentResponse old = new IdempotentResponse(scope, "old", "sha256:cc", 200, "{}", now.minus(2, ChronoUnit.DAYS));
        store().idempotency().insertIfAbsent(old);
        assertThat(store().idempotency().deleteOlderThan(now.minus(1, ChronoUnit.DAYS))).isPositive();
        assertThat(store().idempotency().find(scope, "old")).isEmpty();
        assertThat(store().idempotency().find(scope, "k1")).contains(first);
    }

    @Test
    void signingKeysAreStoredOnceAndListedNewestFirst() {
        SigningKey older = new SigningKey(unique("kid"), "{\"kty\":\"RSA\",\"d\":\"secret\"}", now.plusSeconds(3600));
        SigningKey newer = new SigningKey(unique("kid"), "{\"kty\":\"RSA\"}", now.plusSeconds(7200));
        assertThat(store().signingKeys().insertIfAbsent(older)).isTrue();
        assertThat(store().signingKeys().insertIfAbsent(newer)).isTrue();
        assertThat(store().signingKeys().insertIfAbsent(new SigningKey(older.keyId(), "{}", now))).isFalse();
        List<SigningKey> mine = store().signingKeys().list().stream()
                .filter(k -> k.keyId().equals(older.keyId()) || k.keyId().equals(newer.keyId())).toList();
        assertThat(mine).containsExactly(newer, older);
    }

    // ---- fixtures ----

    protected Tenant newTenant() {
        Tenant tenant = new Tenant(UUID.randomUUID(), unique("tenant"), now);
        store().tenants().insert(tenant);
        return tenant;
    }

    protected App newApp(Tenant tenant, String name) {
        App app = app(uuidV7(now), tenant, name);
        store().apps().insert(app);
        return app;
    }

    private App app(UUID id, Tenant tenant, String name) {
        return new App(id, tenant.id(), name, "local", now, now, Optional.empty(), Optional.empty());
    }

    private static App renamed(App app, String name) {
        return new App(app.id(), app.tenantId(), name, app.region(), app.createdAt(), app.updatedAt(), Optional.empty(),
                app.currentReleaseId());
    }

    private Release release(App app, int version, ReleaseStatus status) {
        return new Release(UUID.randomUUID(), app.id(), version, status, Optional.empty(), "artifact", "sha256:" + version,
                Map.of("web", "./run"), Map.of("V", String.valueOf(version)), Optional.empty(), Optional.empty(),
                now.plusSeconds(version), "ada@example.com");
    }

    private Addon newAddon(Tenant tenant, App app, String name, Instant createdAt) {
        Addon addon = new Addon(UUID.randomUUID(), tenant.id(), app.id(), "postgresql", name, "hobby", "provisioning",
                "DATABASE_URL", "postgres", "db_" + name.replace('-', '_'), "ciphertext", createdAt);
        store().addons().insert(addon);
        return addon;
    }

    private static AuditEvent event(Tenant tenant, String action, Instant at) {
        return new AuditEvent(UUID.randomUUID(), tenant.id(), "ada@example.com", action, "app", "a1", "req-1", at, "");
    }

    /** A version-7 UUID for {@code at}: ids made later sort later, as the runtime's do. */
    protected static UUID uuidV7(Instant at) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (at.toEpochMilli() << 16) | 0x7000L | random.nextLong(0x1000L);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void assertConflict(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.CONFLICT));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the job");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
