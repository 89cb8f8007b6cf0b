package io.paasruntime.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppProcesses;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.ProcessSpec;
import io.paasruntime.spi.orchestration.SourceUpload;
import io.paasruntime.spi.store.ReleaseStatus;
import io.paasruntime.tck.orchestration.RecordingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exact objects the orchestrator writes, and how it follows rollouts, against the mock API server. */
@EnableKubernetesMockClient(crud = true)
class KubernetesOrchestratorTest {
    private static final String IMAGE = "registry.example.com/team/shop:1";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30.123Z"), ZoneOffset.UTC);

    KubernetesClient client;
    private KubernetesOrchestrator orchestrator;
    private final RecordingListener listener = new RecordingListener();
    private final AppRef app = new AppRef(UUID.randomUUID(), UUID.randomUUID(), "shop");
    private int version;

    @AfterEach
    void close() {
        if (orchestrator != null) {
            orchestrator.close();
        }
    }

    @Test
    void applyCreatesTheTenantNamespaceAndTheAppsObjectsOwnedByTheAnchor() {
        open(MockClusters.perTenant());

        apply(app, Map.of("web", spec("web", "./server", 2, "small"), "worker", spec("worker", "./worker", 1, "large")),
                Map.of("SECRET_KEY", "s3cret"));

        String ns = "paas-" + app.tenantId();
        Namespace namespace = client.namespaces().withName(ns).get();
        assertThat(namespace.getMetadata().getLabels()).containsEntry("paas.io/tenant", app.tenantId().toString());
        ConfigMap anchor = client.configMaps().inNamespace(ns).withName("shop-app").get();
        assertThat(client.apps().deployments().inNamespace(ns).list().getItems())
                .extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrder("shop-web", "shop-worker");
        Secret secret = client.secrets().inNamespace(ns).withName("shop-config").get();
        assertThat(secret.getData()).containsOnlyKeys("SECRET_KEY");
        assertThat(client.services().inNamespace(ns).withName("shop-web").get()).isNotNull();
        for (var owned : List.of(secret, deployment(ns, "shop-web"), deployment(ns, "shop-worker"),
                client.services().inNamespace(ns).withName("shop-web").get())) {
            assertThat(owned.getMetadata().getOwnerReferences()).singleElement()
                    .satisfies(ref -> assertThat(ref.getUid()).isEqualTo(anchor.getMetadata().getUid()));
        }
        assertThat(deployment(ns, "shop-worker").getSpec().getTemplate().getSpec().getContainers().getFirst()
                .getResources().getRequests().get("memory").toString()).isEqualTo("2Gi");
    }

    @Test
    void rolloutSucceedsWhenTheDeploymentsAreAvailable() {
        open(MockClusters.perTenant());
        UUID release = apply(app, Map.of("web", spec("web", "./server", 2, "small")), Map.of());

        await(() -> assertThat(listener.statuses(release)).containsExactly(ReleaseStatus.RUNNING));
        Deployment web = deployment("paas-" + app.tenantId(), "shop-web");
        simulated().setStatus(web, new DeploymentStatusBuilder().withObservedGeneration(web.getMetadata().getGeneration())
                .withReplicas(2).withUpdatedReplicas(2).withAvailableReplicas(1).build());
        pause();
        assertThat(listener.statuses(release)).containsExactly(ReleaseStatus.RUNNING);

        simulated().setStatus(web, new DeploymentStatusBuilder().withObservedGeneration(web.getMetadata().getGeneration())
                .withReplicas(2).withUpdatedReplicas(2).withAvailableReplicas(2).build());

        await(() -> assertThat(listener.statuses(release)).containsExactly(ReleaseStatus.RUNNING, ReleaseStatus.SUCCEEDED));
    }

    @Test
    void progressDeadlineExceededFailsTheReleaseWithTheReasonAndRestoresThePreviousRelease() {
        open(MockClusters.perTenant());
        UUID first = apply(app, Map.of("web", spec("web", "./server", 1, "small")), Map.of("V", "1"));
        awaitReady(first);
        String ns = "paas-" + app.tenantId();

        UUID second = apply(app, Map.of("web", spec("web", "./broken", 1, "small"), "worker", spec("worker", "./w", 1, "small")),
                Map.of("V", "2"));
        Deployment web = deployment(ns, "shop-web");
        assertThat(web.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("paas.io/release", second.toString());
        simulated().setStatus(web, new DeploymentStatusBuilder().withObservedGeneration(web.getMetadata().getGeneration())
                .withReplicas(2).withUpdatedReplicas(1).withAvailableReplicas(1)
                .addNewCondition().withType("Progressing").withStatus("False").withReason("ProgressDeadlineExceeded")
                .withMessage("ReplicaSet \"shop-web-5d8\" has timed out progressing.").endCondition().build());

        await(() -> assertThat(listener.last(second)).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(ReleaseStatus.FAILED);
            assertThat(r.reason()).hasValueSatisfying(reason -> assertThat(reason)
                    .contains("shop-web exceeded its progress deadline").contains("has timed out progressing"));
        }));
        Deployment restored = deployment(ns, "shop-web");
        assertThat(restored.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("paas.io/release", first.toString());
        assertThat(restored.getSpec().getTemplate().getSpec().getContainers().getFirst().getArgs()).containsExactly("./server");
        assertThat(deployment(ns, "shop-worker")).as("the failed release's new type is removed").isNull();
        assertThat(client.secrets().inNamespace(ns).withName("shop-config").get().getData().get("V")).isEqualTo("MQ==");
    }

    @Test
    void podThatCannotPullItsImageFailsTheReleaseBeforeTheDeadline() {
        open(MockClusters.perTenant());
        UUID release = apply(app, Map.of("web", spec("web", "./server", 1, "small")), Map.of());
        String ns = "paas-" + app.tenantId();
        Map<String, String> labels = new LinkedHashMap<>(deployment(ns, "shop-web").getSpec().getTemplate().getMetadata().getLabels());
        client.resource(new PodBuilder().withNewMetadata().withName("shop-web-abc").withNamespace(ns).withLabels(labels).endMetadata()
                .withNewStatus().withPhase("Pending").withContainerStatuses(new ContainerStatusBuilder().withName("web")
                        .withNewState().withNewWaiting().withReason("ImagePullBackOff").withMessage("Back-off pulling image")
                        .endWaiting().endState().build()).endStatus().build()).create();

        await(() -> assertThat(listener.last(release)).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(ReleaseStatus.FAILED);
            assertThat(r.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("shop-web-abc: ImagePullBackOff"));
        }));
        assertThat(deployment(ns, "shop-web")).as("a first release that fails leaves nothing running").isNull();
        assertThat(orchestrator.processes(app).types()).isEmpty();
    }

    @Test
    void rolloutThatNeverBecomesAvailableFailsAtTheTimeout() {
        open(MockClusters.withTimeout(Duration.ofMillis(400)));

        UUID release = apply(app, Map.of("worker", spec("worker", "./w", 1, "small")), Map.of());

        await(() -> assertThat(listener.last(release)).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(ReleaseStatus.FAILED);
            assertThat(r.reason()).hasValueSatisfying(reason -> assertThat(reason).startsWith("not available within PT0.4S"));
        }));
    }

    @Test
    void aNewReleaseSupersedesTheUnfinishedOne() {
        open(MockClusters.perTenant());
        UUID first = apply(app, Map.of("web", spec("web", "./one", 1, "small")), Map.of());

        UUID second = apply(app, Map.of("web", spec("web", "./two", 1, "small")), Map.of());
        awaitReady(second);

        assertThat(listener.statuses(first)).containsExactly(ReleaseStatus.RUNNING, ReleaseStatus.SUPERSEDED);
        assertThat(listener.statuses(second)).containsExactly(ReleaseStatus.RUNNING, ReleaseStatus.SUCCEEDED);
    }

    @Test
    void restartSetsTheRestartedAtAnnotationOfOneTypeOrAll() {
        open(MockClusters.perTenant());
        awaitReady(apply(app, Map.of("web", spec("web", "./s", 1, "small"), "worker", spec("worker", "./w", 1, "small")), Map.of()));
        String ns = "paas-" + app.tenantId();

        orchestrator.restart(app, Optional.of("worker"));

        assertThat(restartedAt(ns, "shop-worker")).isEqualTo("2026-03-01T10:15:30Z");
        assertThat(restartedAt(ns, "shop-web")).isNull();
        orchestrator.restart(app, Optional.empty());
        assertThat(restartedAt(ns, "shop-web")).isEqualTo("2026-03-01T10:15:30Z");
        assertThatThrownBy(() -> orchestrator.restart(app, Optional.of("clock")))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND));
    }

    @Test
    void reapplyingAReleaseKeepsTheRestartAnnotation() {
        open(MockClusters.perTenant());
        Map<String, ProcessSpec> processes = Map.of("web", spec("web", "./s", 1, "small"));
        UUID release = apply(app, processes, Map.of());
        awaitReady(release);
        orchestrator.restart(app, Optional.empty());

        orchestrator.apply(new io.paasruntime.spi.orchestration.Deployment(app, release, version, "image", IMAGE, processes, Map.of()), listener);

        assertThat(restartedAt("paas-" + app.tenantId(), "shop-web")).isEqualTo("2026-03-01T10:15:30Z");
    }

    @Test
    void scaleSetsReplicasAndStopScalesEveryTypeToZero() {
        open(MockClusters.perTenant());
        awaitReady(apply(app, Map.of("web", spec("web", "./s", 1, "small"), "worker", spec("worker", "./w", 2, "small")), Map.of()));
        String ns = "paas-" + app.tenantId();

        orchestrator.scale(app, "web", 4);
        assertThat(deployment(ns, "shop-web").getSpec().getReplicas()).isEqualTo(4);

        orchestrator.stop(app);
        assertThat(client.apps().deployments().inNamespace(ns).list().getItems()).extracting(d -> d.getSpec().getReplicas())
                .containsOnly(0);
        assertThat(client.secrets().inNamespace(ns).withName("shop-config").get()).as("kept for a restore").isNotNull();
        assertThatThrownBy(() -> orchestrator.scale(app, "clock", 1))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND));
    }

    @Test
    void processesReadPhaseReadinessRestartsAndStartTimeFromThePods() {
        open(MockClusters.perTenant());
        awaitReady(apply(app, Map.of("web", spec("web", "./s", 1, "medium")), Map.of()));
        String ns = "paas-" + app.tenantId();
        Map<String, String> labels = deployment(ns, "shop-web").getSpec().getTemplate().getMetadata().getLabels();
        client.resource(pod(ns, "shop-web-crash", labels, "Running", false, 4, "CrashLoopBackOff")).create();
        client.resource(pod(ns, "shop-web-new", labels, "Pending", false, 0, "ContainerCreating")).create();

        AppProcesses.ProcessGroup web = orchestrator.processes(app).types().getFirst();

        assertThat(web.type()).isEqualTo("web");
        assertThat(web.command()).isEqualTo("./s");
        assertThat(web.size()).isEqualTo("medium");
        assertThat(web.instances()).filteredOn(i -> i.id().equals("shop-web-crash")).singleElement().satisfies(i -> {
            assertThat(i.state()).isEqualTo("crashed");
            assertThat(i.restarts()).isEqualTo(4);
            assertThat(i.startedAt()).hasValue(Instant.parse("2026-03-01T09:00:00Z"));
            assertThat(i.port()).hasValue(8080);
        });
        assertThat(web.instances()).filteredOn(i -> i.id().equals("shop-web-new")).singleElement()
                .satisfies(i -> assertThat(i.state()).isEqualTo("starting"));
        assertThat(web.instances()).filteredOn(i -> i.state().equals("up")).hasSize(1);
    }

    @Test
    void webUrlIsTheClusterDnsNameWithoutIngressAndTheIngressHostWithIt() {
        open(MockClusters.perTenant());
        apply(app, Map.of("web", spec("web", "./s", 1, "small")), Map.of());
        assertThat(orchestrator.webUrl(app)).hasValue(URI.create("http://shop-web.paas-" + app.tenantId() + ".svc.cluster.local"));
        orchestrator.close();

        open(MockClusters.singleNamespaceWithIngress("apps", "apps.example.com"));
        AppRef other = new AppRef(UUID.fromString("0190f0a1-2b3c-7d4e-8f50-a1b2c3d4e5f6"), UUID.randomUUID(), "shop");
        apply(other, Map.of("web", spec("web", "./s", 1, "small")), Map.of());
        assertThat(orchestrator.webUrl(other)).hasValue(URI.create("http://shop-a1b2c3d4e5f6.apps.example.com"));
        assertThat(client.network().v1().ingresses().inNamespace("apps").withName("shop-a1b2c3d4e5f6-web").get()).isNotNull();
        assertThat(client.namespaces().withName("paas-" + other.tenantId()).get()).as("single strategy creates no namespace").isNull();
    }

    @Test
    void purgeDeletesEverythingWithTheAppLabelAndNothingElse() {
        open(MockClusters.perTenant());
        AppRef neighbour = new AppRef(app.tenantId(), UUID.randomUUID(), "blog");
        awaitReady(apply(app, Map.of("web", spec("web", "./s", 1, "small")), Map.of("A", "1")));
        apply(neighbour, Map.of("web", spec("web", "./s", 1, "small")), Map.of());
        String ns = "paas-" + app.tenantId();

        orchestrator.purge(app);

        var appLabel = Map.of("paas.io/app", app.appId().toString());
        assertThat(client.apps().deployments().inNamespace(ns).withLabels(appLabel).list().getItems()).isEmpty();
        assertThat(client.services().inNamespace(ns).withLabels(appLabel).list().getItems()).isEmpty();
        assertThat(client.secrets().inNamespace(ns).withLabels(appLabel).list().getItems()).isEmpty();
        assertThat(client.configMaps().inNamespace(ns).withLabels(appLabel).list().getItems()).isEmpty();
        assertThat(deployment(ns, "blog-web")).isNotNull();
    }

    @Test
    void renamedAppReplacesItsObjectsOnTheNextRelease() {
        open(MockClusters.perTenant());
        awaitReady(apply(app, Map.of("web", spec("web", "./s", 1, "small")), Map.of()));
        AppRef renamed = new AppRef(app.tenantId(), app.appId(), "store");

        awaitReady(apply(renamed, Map.of("web", spec("web", "./s", 1, "small")), Map.of()));

        String ns = "paas-" + app.tenantId();
        assertThat(client.apps().deployments().inNamespace(ns).list().getItems()).extracting(d -> d.getMetadata().getName())
                .containsExactly("store-web");
        assertThat(client.services().inNamespace(ns).list().getItems()).extracting(s -> s.getMetadata().getName())
                .containsExactly("store-web");
    }

    @Test
    void artifactsAndBadSourcesAreRefused() {
        open(MockClusters.perTenant());

        assertThatThrownBy(() -> orchestrator.prepare(new SourceUpload.Artifact(new ByteArrayInputStream(new byte[0]), 10)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID);
                    assertThat(e.field()).hasValue("body");
                    assertThat(e.getMessage()).contains("orchestration.provider=local");
                });
        assertThatThrownBy(() -> orchestrator.prepare(new SourceUpload.Image("Not An Image", Map.of("web", "x"))))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.field()).hasValue("image"));
        assertThatThrownBy(() -> orchestrator.prepare(new SourceUpload.Image(IMAGE, Map.of("a_b", "x", "a-b", "y"))))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.field()).hasValue("processes"));
        assertThatThrownBy(() -> orchestrator.apply(new io.paasruntime.spi.orchestration.Deployment(app, UUID.randomUUID(), 1,
                "artifact", "sha256:" + "0".repeat(64), Map.of(), Map.of()), listener))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID));
        assertThat(client.namespaces().list().getItems()).as("nothing written for refused input").isEmpty();
    }

    private void open(KubernetesSettings settings) {
        orchestrator = new KubernetesOrchestrator(client, settings, CLOCK, false);
    }

    private UUID apply(AppRef target, Map<String, ProcessSpec> processes, Map<String, String> env) {
        UUID release = UUID.randomUUID();
        orchestrator.apply(new io.paasruntime.spi.orchestration.Deployment(target, release, ++version, "image", IMAGE,
                processes, env), listener);
        return release;
    }

    private void awaitReady(UUID release) {
        await(() -> {
            simulated().converge(app.appId());
            assertThat(listener.statuses(release)).contains(ReleaseStatus.SUCCEEDED);
        });
    }

    private SimulatedControllers simulated() {
        return new SimulatedControllers(client);
    }

    private Deployment deployment(String ns, String name) {
        return client.apps().deployments().inNamespace(ns).withName(name).get();
    }

    private String restartedAt(String ns, String name) {
        Map<String, String> annotations = deployment(ns, name).getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get("kubectl.kubernetes.io/restartedAt");
    }

    private static ProcessSpec spec(String type, String command, int replicas, String size) {
        return new ProcessSpec(type, command, replicas, size);
    }

    private static Pod pod(String ns, String name, Map<String, String> labels, String phase, boolean ready, int restarts,
                           String waitingReason) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(ns).withLabels(labels).endMetadata()
                .withNewStatus().withPhase(phase).withStartTime("2026-03-01T09:00:00Z")
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .withContainerStatuses(new ContainerStatusBuilder().withName("web").withRestartCount(restarts)
                        .withNewState().withNewWaiting().withReason(waitingReason).endWaiting().endState().build())
                .endStatus().build();
    }

    /** Lets a few poll intervals pass, for asserting that nothing changes. */
    private static void pause() {
        long until = System.nanoTime() + Duration.ofMillis(300).toNanos();
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
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
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
