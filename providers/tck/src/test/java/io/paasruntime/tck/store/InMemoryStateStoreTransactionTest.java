package io.paasruntime.tck.store;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.store.App;
import io.paasruntime.spi.store.Page;
import io.paasruntime.spi.store.Tenant;
import io.paasruntime.spi.store.User;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-memory store's own mechanics: transactions, job locks, ordering. The repository contract is the TCK's. */
class InMemoryStateStoreTransactionTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final InMemoryStateStore store = new InMemoryStateStore();

    @Test
    void transactionThatThrowsLeavesNothingBehind() {
        Tenant tenant = new Tenant(UUID.randomUUID(), "acme", T0);
        store.users().insert(new User(UUID.randomUUID(), tenant.id(), "ada@example.com", Optional.empty(), T0));

        assertThatThrownBy(() -> store.transaction(tx -> {
            tx.tenants().insert(tenant);
            tx.users().insert(new User(UUID.randomUUID(), tenant.id(), "ADA@example.com", Optional.empty(), T0));
            return null;
        })).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.CONFLICT));

        assertThat(store.tenants().findByName("acme")).isEmpty();
    }

    @Test
    void transactionThatReturnsKeepsEverything() {
        Tenant tenant = new Tenant(UUID.randomUUID(), "acme", T0);

        String result = store.transaction(tx -> {
            tx.tenants().insert(tenant);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(store.tenants().findById(tenant.id())).contains(tenant);
    }

    @Test
    void otherThreadsDoNotSeeAnUnfinishedTransaction() throws Exception {
        Tenant tenant = new Tenant(UUID.randomUUID(), "acme", T0);
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = pool.submit(() -> store.transaction(tx -> {
                tx.tenants().insert(tenant);
                inserted.countDown();
                await(release);
                throw new IllegalStateException("roll back");
            }));
            assertThat(inserted.await(5, TimeUnit.SECONDS)).isTrue();
            Future<Optional<Tenant>> reader = pool.submit(() -> store.tenants().findById(tenant.id()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!store.lockWaitedFor() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(reader).as("the reader waits for the transaction").isNotDone();
            release.countDown();

            assertThat(reader.get(5, TimeUnit.SECONDS)).isEmpty();
            assertThatThrownBy(() -> writer.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("roll back");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void exclusivelyRunsOneJobOfANameAtATime() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<String>> first = pool.submit(() -> store.exclusively("purge", () -> {
                running.countDown();
                await(release);
                return "first";
            }));
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(store.exclusively("purge", () -> "second")).isEmpty();
            assertThat(store.exclusively("other-job", () -> "third")).contains("third");
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).contains("first");
            assertThat(store.exclusively("purge", () -> "again")).contains("again");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void appsAreListedInPostgresUuidOrderAcrossTheSignBit() {
        UUID tenant = UUID.randomUUID();
        // Signed comparison would put the 0xff… id first; PostgreSQL puts it last.
        UUID low = UUID.fromString("00000000-0000-7000-8000-000000000001");
        UUID high = UUID.fromString("ffffffff-0000-7000-8000-000000000001");
        store.apps().insert(app(high, tenant, "b"));
        store.apps().insert(app(low, tenant, "a"));

        Page<App, UUID> first = store.apps().list(tenant, false, Optional.empty(), 1);
        Page<App, UUID> second = store.apps().list(tenant, false, first.next(), 1);

        assertThat(first.items()).extracting(App::id).containsExactly(low);
        assertThat(first.next()).contains(low);
        assertThat(second.items()).extracting(App::id).containsExactly(high);
        assertThat(second.next()).isEmpty();
    }

    @Test
    void parallelInsertsOfOneEmailLetExactlyOneWin() throws Exception {
        UUID tenant = UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(pool.submit(() -> {
                    try {
                        store.users().insert(new User(UUID.randomUUID(), tenant, "same@example.com", Optional.empty(), T0));
                        return true;
                    } catch (ProviderException conflict) {
                        return false;
                    }
                }));
            }
            int wins = 0;
            for (Future<Boolean> attempt : attempts) {
                wins += attempt.get(5, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static App app(UUID id, UUID tenant, String name) {
        return new App(id, tenant, name, "local", T0, T0, Optional.empty(), Optional.empty());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
