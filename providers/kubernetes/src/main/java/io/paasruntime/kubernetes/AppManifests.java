package io.paasruntime.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.paasruntime.spi.orchestration.ProcessSpec;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Builds the objects of an app. Pure: no API calls, so tests can check every field.
 *
 * <ul>
 *   <li>ConfigMap {@code <app>-app}: the anchor. It holds nothing but the app's identity; every other
 *       object names it in {@code ownerReferences}, so deleting it lets the cluster's garbage collector
 *       remove the whole app even if the runtime is gone.</li>
 *   <li>Secret {@code <app>-config}: the config vars, read by every container with {@code envFrom}.</li>
 *   <li>Deployment {@code <app>-<type>} per process type.</li>
 *   <li>Service {@code <app>-web} (port 80 → 8080) and, with an ingress domain, an Ingress, for {@code web}.</li>
 * </ul>
 */
final class AppManifests {
    static final String COMMAND = "paas.io/command";
    static final String SIZE = "paas.io/size";
    static final String RELEASE_VERSION = "paas.io/release-version";
    static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

    private final KubernetesSettings settings;

    AppManifests(KubernetesSettings settings) {
        this.settings = settings;
    }

    ConfigMap anchor(AppLayout layout) {
        return new ConfigMapBuilder()
                .withNewMetadata().withName(layout.anchorName()).withNamespace(layout.namespace())
                .withLabels(layout.appLabels()).endMetadata()
                .addToData("tenant-id", layout.app().tenantId().toString())
                .addToData("app-id", layout.app().appId().toString())
                .addToData("app-name", layout.app().appName())
                .build();
    }

    /** An owner reference to the anchor as the cluster returned it (with its uid). */
    static OwnerReference ownedBy(ConfigMap anchor) {
        return new OwnerReferenceBuilder().withApiVersion("v1").withKind("ConfigMap")
                .withName(anchor.getMetadata().getName()).withUid(anchor.getMetadata().getUid())
                .withBlockOwnerDeletion(false).withController(false).build();
    }

    Secret config(AppLayout layout, Map<String, String> env, OwnerReference owner) {
        Map<String, String> data = new TreeMap<>();
        env.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        return new SecretBuilder()
                .withNewMetadata().withName(layout.secretName()).withNamespace(layout.namespace())
                .withLabels(layout.appLabels()).withOwnerReferences(owner).endMetadata()
                .withType("Opaque").withData(data)
                .build();
    }

    Deployment deployment(AppLayout layout, UUID releaseId, int version, String image, ProcessSpec spec,
                          OwnerReference owner) {
        boolean web = AppLayout.WEB.equals(spec.type());
        ContainerSize size = ContainerSize.of(spec.size());
        Map<String, String> labels = layout.processLabels(spec.type(), releaseId);
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(COMMAND, spec.command());
        annotations.put(SIZE, size.wireName());
        annotations.put(RELEASE_VERSION, Integer.toString(version));

        ContainerBuilder container = new ContainerBuilder()
                .withName(AppLayout.dnsName(spec.type()))
                .withImage(image)
                .withArgs(ProcessCommand.args(spec.command()))
                .addNewEnvFrom().withNewSecretRef().withName(layout.secretName()).endSecretRef().endEnvFrom()
                .withResources(size.resources());
        if (web) {
            container.addNewEnv().withName("PORT").withValue(Integer.toString(AppLayout.WEB_PORT)).endEnv()
                    .addNewPort().withName("http").withContainerPort(AppLayout.WEB_PORT).withProtocol("TCP").endPort()
                    .withReadinessProbe(tcpProbe(1, 5, 3))
                    .withLivenessProbe(tcpProbe(15, 10, 3));
        }
        return new DeploymentBuilder()
                .withNewMetadata().withName(layout.deploymentName(spec.type())).withNamespace(layout.namespace())
                .withLabels(labels).withAnnotations(annotations).withOwnerReferences(owner).endMetadata()
                .withNewSpec()
                .withReplicas(spec.replicas())
                .withRevisionHistoryLimit(3)
                .withProgressDeadlineSeconds((int) Math.min(Integer.MAX_VALUE, Math.max(1, settings.rolloutTimeout().toSeconds())))
                .withNewSelector().withMatchLabels(layout.selector(spec.type())).endSelector()
                .withStrategy(strategy(web))
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).addToAnnotations(RELEASE_VERSION, Integer.toString(version)).endMetadata()
                .withNewSpec()
                // apps get no Kubernetes API credentials and no service-link env noise
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withImagePullSecrets(settings.imagePullSecret().stream()
                        .map(LocalObjectReference::new).toList())
                .withContainers(container.build())
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    Service webService(AppLayout layout, OwnerReference owner) {
        return new ServiceBuilder()
                .withNewMetadata().withName(layout.serviceName()).withNamespace(layout.namespace())
                .withLabels(layout.appLabels()).withOwnerReferences(owner).endMetadata()
                .withNewSpec().withType("ClusterIP").withSelector(layout.selector(AppLayout.WEB))
                .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString("http")).withProtocol("TCP").endPort()
                .endSpec()
                .build();
    }

    /** The Ingress of the app's {@code web} processes, when an ingress domain is configured. */
    Optional<Ingress> ingress(AppLayout layout, OwnerReference owner) {
        return settings.ingressDomain().map(domain -> new IngressBuilder()
                .withNewMetadata().withName(layout.serviceName()).withNamespace(layout.namespace())
                .withLabels(layout.appLabels()).withOwnerReferences(owner).endMetadata()
                .withNewSpec()
                .withIngressClassName(settings.ingressClass().orElse(null))
                .addNewRule().withHost(layout.ingressHost(domain))
                .withNewHttp().addNewPath().withPath("/").withPathType("Prefix")
                .withNewBackend().withNewService().withName(layout.serviceName())
                .withNewPort().withNumber(80).endPort().endService().endBackend()
                .endPath().endHttp().endRule()
                .endSpec()
                .build());
    }

    private static Probe tcpProbe(int initialDelaySeconds, int periodSeconds, int failureThreshold) {
        return new ProbeBuilder().withNewTcpSocket().withPort(new IntOrString(AppLayout.WEB_PORT)).endTcpSocket()
                .withInitialDelaySeconds(initialDelaySeconds).withPeriodSeconds(periodSeconds)
                .withFailureThreshold(failureThreshold).build();
    }

    /** {@code web} never drops below its replicas during a rollout: a new pod must be ready before an old one goes. */
    private static DeploymentStrategy strategy(boolean web) {
        if (!web) {
            return new DeploymentStrategyBuilder().withType("RollingUpdate").build();
        }
        return new DeploymentStrategyBuilder().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxUnavailable(new IntOrString(0)).withMaxSurge(new IntOrString(1)).endRollingUpdate().build();
    }
}
