package io.paasruntime.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays the Deployment and ReplicaSet controllers and the kubelet for the mock API server, which
 * has none: pods follow each Deployment's template and replicas, and Deployments report status.
 * Public for other modules' tests (this module's test jar).
 */
public final class SimulatedControllers {
    static final String TEMPLATE_HASH = "sim.paas.io/template-hash";

    private final KubernetesClient client;

    public SimulatedControllers(KubernetesClient client) {
        this.client = client;
    }

    /** Converges every Deployment of the app and marks it available. */
    public void converge(UUID appId) {
        for (Deployment d : client.apps().deployments().inAnyNamespace().withLabel(AppLayout.APP, appId.toString()).list().getItems()) {
            try {
                converge(d);
                int replicas = d.getSpec().getReplicas();
                setStatus(d, new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
                        .withReplicas(replicas).withUpdatedReplicas(replicas).withReadyReplicas(replicas)
                        .withAvailableReplicas(replicas)
                        .addNewCondition().withType("Available").withStatus("True").withReason("MinimumReplicasAvailable").endCondition()
                        .addNewCondition().withType("Progressing").withStatus("True").withReason("NewReplicaSetAvailable").endCondition()
                        .build());
            } catch (KubernetesClientException raced) {
                // the orchestrator changed the Deployment meanwhile; the next round catches up
            }
        }
    }

    /** Writes a Deployment's status, as its controller would. */
    public void setStatus(Deployment deployment, DeploymentStatus status) {
        Deployment live = client.apps().deployments().inNamespace(deployment.getMetadata().getNamespace())
                .withName(deployment.getMetadata().getName()).get();
        if (live == null) {
            return; // the orchestrator deleted it since it was listed (a removed type, a renamed app)
        }
        live.setStatus(status);
        client.resource(live).updateStatus();
    }

    /** Pods of the Deployment's current template, as many as its replicas; others are deleted. */
    private void converge(Deployment d) {
        String namespace = d.getMetadata().getNamespace();
        String hash = Integer.toHexString(Serialization.asJson(d.getSpec().getTemplate()).hashCode());
        List<Pod> current = new ArrayList<>();
        for (Pod pod : client.pods().inNamespace(namespace).withLabels(d.getSpec().getSelector().getMatchLabels()).list().getItems()) {
            if (hash.equals(pod.getMetadata().getLabels().get(TEMPLATE_HASH)) && current.size() < d.getSpec().getReplicas()) {
                current.add(pod);
            } else {
                client.resource(pod).delete();
            }
        }
        for (int i = current.size(); i < d.getSpec().getReplicas(); i++) {
            client.resource(pod(d, hash)).create();
        }
    }

    private static Pod pod(Deployment d, String hash) {
        Map<String, String> labels = new HashMap<>(d.getSpec().getTemplate().getMetadata().getLabels());
        labels.put(TEMPLATE_HASH, hash);
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String container = d.getSpec().getTemplate().getSpec().getContainers().getFirst().getName();
        return new PodBuilder()
                .withNewMetadata().withNamespace(d.getMetadata().getNamespace())
                .withName(d.getMetadata().getName() + "-" + hash + "-" + UUID.randomUUID().toString().substring(0, 5))
                .withLabels(labels).endMetadata()
                .withSpec(d.getSpec().getTemplate().getSpec())
                .withNewStatus().withPhase("Running").withStartTime(now)
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .withContainerStatuses(new ContainerStatusBuilder().withName(container).withReady(true).withRestartCount(0)
                        .withNewState().withNewRunning().withStartedAt(now).endRunning().endState().build())
                .endStatus()
                .build();
    }
}
