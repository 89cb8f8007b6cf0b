package io.paasruntime.kubernetes;

import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentListBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.store.ReleaseStatus;
import io.paasruntime.tck.orchestration.RecordingListener;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Status handling against the mock server in expectations mode: canned API answers, no stored objects. */
@EnableKubernetesMockClient
class RolloutTrackerTest {
    KubernetesMockServer server;
    KubernetesClient client;

    private final AppRef app = new AppRef(UUID.randomUUID(), UUID.fromString("0190f0a1-2b3c-7d4e-8f50-000000000001"), "shop");
    private final AppLayout layout = AppLayout.of(app, MockClusters.perTenant(), "default");
    private final RecordingListener listener = new RecordingListener();
    private final UUID release = UUID.randomUUID();

    @Test
    void availableDeploymentsEndTheRolloutWithSucceeded() {
        server.expect().get().withPath(deploymentsPath()).andReturn(200, new DeploymentListBuilder()
                .addToItems(new DeploymentBuilder().withNewMetadata().withName("shop-web").withGeneration(2L).endMetadata()
                        .withNewSpec().withReplicas(2).endSpec()
                        .withNewStatus().withObservedGeneration(2L).withReplicas(2).withUpdatedReplicas(2)
                        .withAvailableReplicas(2).endStatus().build()).build()).always();
        server.expect().get().withPath(podsPath()).andReturn(200, new PodListBuilder().build()).always();

        try (RolloutTracker tracker = tracker(Duration.ofSeconds(10))) {
            tracker.start(rollout(tracker));

            await(() -> assertThat(listener.statuses(release)).containsExactly(ReleaseStatus.RUNNING, ReleaseStatus.SUCCEEDED));
        }
    }

    @Test
    void anApiThatRefusesToAnswerFailsTheRolloutAtTheTimeoutNamingTheStatus() {
        server.expect().get().withPath(deploymentsPath()).andReturn(403, "{\"kind\":\"Status\",\"code\":403}").always();

        try (RolloutTracker tracker = tracker(Duration.ofMillis(300))) {
            tracker.start(rollout(tracker));

            await(() -> assertThat(listener.last(release)).hasValueSatisfying(r -> {
                assertThat(r.status()).isEqualTo(ReleaseStatus.FAILED);
                assertThat(r.reason()).hasValue("not available within PT0.3S (Kubernetes API answered HTTP 403)");
            }));
        }
    }

    @Test
    void cancellingTellsTheListenerOnceAndStopsFollowing() {
        server.expect().get().withPath(deploymentsPath()).andReturn(200, new DeploymentListBuilder().build()).always();
        server.expect().get().withPath(podsPath()).andReturn(200, new PodListBuilder().build()).always();

        try (RolloutTracker tracker = tracker(Duration.ofSeconds(10))) {
            tracker.start(rollout(tracker));
            tracker.cancel(app.appId(), ReleaseStatus.FAILED, "the app was stopped");

            await(() -> assertThat(listener.statuses(release)).containsExactly(ReleaseStatus.RUNNING, ReleaseStatus.FAILED));
            assertThat(tracker.current(app.appId())).isEmpty();
        }
    }

    private RolloutTracker tracker(Duration timeout) {
        return new RolloutTracker(new PerAppLocks(), Duration.ofMillis(20), timeout);
    }

    private Rollout rollout(RolloutTracker tracker) {
        return new Rollout(new AppObjects(client, layout), release, 2, layout.objectNames(Set.of("web"), false),
                new PreviousState(AppObjectNames.NONE, Map.of(), Map.of()), listener,
                System.nanoTime() + tracker.timeout().toNanos());
    }

    private String deploymentsPath() {
        return "/apis/apps/v1/namespaces/" + layout.namespace() + "/deployments?labelSelector=paas.io%2Fapp%3D" + app.appId();
    }

    private String podsPath() {
        return "/api/v1/namespaces/" + layout.namespace() + "/pods?labelSelector=paas.io%2Fapp%3D" + app.appId()
                + "%2Cpaas.io%2Frelease%3D" + release;
    }

    private static void await(Runnable check) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
