package io.paasruntime.server;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.paasruntime.spi.ProviderContext;
import io.paasruntime.spi.store.AuditEvent;
import io.paasruntime.tck.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server replicas on one PostgreSQL store, as deploy/kubernetes runs them, both on the
 * Kubernetes orchestrator: when both run the purge job at the same moment, every expired app is
 * purged exactly once (the store's advisory lock lets one replica run it; the other skips).
 */
@EnableKubernetesMockClient(crud = true, https = false)
class TwoServersOneStoreTest {
    private static final int APPS = 8;

    KubernetesClient cluster;
    @TempDir
    Path first;
    @TempDir
    Path second;

    @Test
    void thePurgeJobRunsOnceAcrossTwoServersSharingAStore() throws Exception {
        MutableClock clock = MutableClock.atNow();
        Map<String, String> kubernetes = Map.of("orchestration.provider", "kubernetes",
                "orchestration.master-url", cluster.getMasterUrl().toString());
        try (TestServer a = TestServer.start(ServerOptions.forDataDir(first, kubernetes).withClock(clock))) {
            ProviderContext.PostgresServer db = a.server().runtime().store().embeddedServer().orElseThrow();
            Map<String, String> shared = new HashMap<>(kubernetes);
            shared.put("store.url", db.jdbcUrl("paas"));
            shared.put("store.user", db.superuser());
            shared.put("store.password", db.password());
            // replicas of one store share the runtime's key, as deploy/kubernetes gives them (its secret)
            shared.put("addons.encryption-key", Files.readString(first.resolve("addons.key")).strip());
            try (TestServer b = TestServer.start(ServerOptions.forDataDir(second, shared).withClock(clock))) {
                // Each server runs its own purge job once, 1 s after it started (then hourly). Should that
                // run come after the clock's jump below, it, not the two calls this test makes, would purge
                // the apps; nothing shows when it ran, so the jump waits until it is long over.
                Instant firstMaintenanceOver = Instant.now().plusSeconds(4);
                String token = a.signupAndLogin("replicas@example.com", "two-replicas-pw", "replicas");
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < APPS; i++) {
                    TestServer server = i % 2 == 0 ? a : b;
                    String name = "app-" + i;
                    ids.add(server.post("/v1/apps", token, "{\"name\":\"" + name + "\"}").json().get("id").asText());
                    assertThat(server.post("/v1/apps/" + name + "/deploys", token,
                            "{\"image\":\"registry.example.com/team/app:1\",\"processes\":{\"web\":{\"command\":\"./web\"}}}")
                            .status()).isEqualTo(201);
                    assertThat(server.delete("/v1/apps/" + name, token).status()).isEqualTo(200);
                }
                UUID tenant = a.server().runtime().identity().verify(token).tenantId();
                while (Instant.now().isBefore(firstMaintenanceOver)) {
                    Thread.sleep(50);
                }
                clock.advance(Duration.ofDays(31));

                CountDownLatch go = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    List<Future<Run>> runs = List.of(
                            pool.submit(purge(go, () -> a.server().runtime().apps().purgeExpired())),
                            pool.submit(purge(go, () -> b.server().runtime().apps().purgeExpired())));
                    go.countDown();
                    Run ra = runs.get(0).get(60, TimeUnit.SECONDS);
                    Run rb = runs.get(1).get(60, TimeUnit.SECONDS);

                    assertThat(ra.start()).as("the two purge runs overlapped").isLessThan(rb.end());
                    assertThat(rb.start()).as("the two purge runs overlapped").isLessThan(ra.end());
                    assertThat(ra.purged() + rb.purged()).isEqualTo(APPS);
                    assertThat(Math.min(ra.purged(), rb.purged())).as("one replica skipped the job").isZero();
                } finally {
                    pool.shutdownNow();
                }
                List<String> purgedApps = a.server().runtime().store().audit().recent(tenant, 1000).stream()
                        .filter(e -> e.action().equals("app.purge")).map(AuditEvent::resourceId).toList();
                assertThat(purgedApps).as("each app purged once").hasSize(APPS).containsExactlyInAnyOrderElementsOf(ids);
                assertThat(cluster.apps().deployments().inAnyNamespace().list().getItems()).isEmpty();
                assertThat(cluster.secrets().inAnyNamespace().withLabel("app.kubernetes.io/managed-by", "paas-runtime")
                        .list().getItems()).isEmpty();
            }
        }
    }

    private static Callable<Run> purge(CountDownLatch go, Callable<Integer> job) {
        return () -> {
            go.await();
            long start = System.nanoTime();
            int purged = job.call();
            return new Run(purged, start, System.nanoTime());
        };
    }

    /** One call of the purge job: how many apps it purged and when it ran. */
    private record Run(int purged, long start, long end) {
    }
}
