package io.paasruntime.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.ProcessSpec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppManifestsTest {
    private static final UUID TENANT = UUID.fromString("0190f0a1-2b3c-7d4e-8f50-a1b2c3d4e5f6");
    private static final UUID APP = UUID.fromString("0190f0a1-2b3c-7d4e-8f50-000000000001");
    private static final UUID RELEASE = UUID.fromString("0190f0a1-2b3c-7d4e-8f50-000000000099");
    private static final AppRef REF = new AppRef(TENANT, APP, "shop");

    private final AppManifests manifests = new AppManifests(MockClusters.perTenant());
    private final AppLayout layout = AppLayout.of(REF, MockClusters.perTenant(), "default");
    private final OwnerReference owner = AppManifests.ownedBy(new ConfigMapBuilder(manifests.anchor(layout))
            .editMetadata().withUid("anchor-uid").endMetadata().build());

    @Test
    void perTenantLayoutUsesTheWholeTenantIdAsNamespaceAndPlainNames() {
        assertThat(layout.namespace()).isEqualTo("paas-" + TENANT);
        assertThat(layout.deploymentName("worker")).isEqualTo("shop-worker");
        assertThat(layout.deploymentName("long_job")).isEqualTo("shop-long-job");
        assertThat(layout.serviceName()).isEqualTo("shop-web");
        assertThat(layout.secretName()).isEqualTo("shop-config");
        assertThat(layout.anchorName()).isEqualTo("shop-app");
    }

    @Test
    void singleNamespaceLayoutSuffixesNamesWithTheTenant() {
        AppLayout single = AppLayout.of(REF, MockClusters.singleNamespaceWithIngress("apps", "apps.example.com"), "default");

        assertThat(single.namespace()).isEqualTo("apps");
        assertThat(single.deploymentName("web")).isEqualTo("shop-a1b2c3d4e5f6-web");
        assertThat(single.ingressHost("apps.example.com")).isEqualTo("shop-a1b2c3d4e5f6.apps.example.com");
    }

    @Test
    void everyObjectCarriesTheAppLabelsAndTheAnchorAsOwner() {
        Secret secret = manifests.config(layout, Map.of("A", "1"), owner);
        Deployment web = deployment("web", "./server", 2, "small");
        Service service = manifests.webService(layout, owner);

        for (var object : java.util.List.of(secret, web, service)) {
            assertThat(object.getMetadata().getNamespace()).isEqualTo(layout.namespace());
            assertThat(object.getMetadata().getLabels()).containsEntry("paas.io/tenant", TENANT.toString())
                    .containsEntry("paas.io/app", APP.toString()).containsEntry("app.kubernetes.io/managed-by", "paas-runtime");
            assertThat(object.getMetadata().getOwnerReferences()).singleElement().satisfies(ref -> {
                assertThat(ref.getKind()).isEqualTo("ConfigMap");
                assertThat(ref.getName()).isEqualTo("shop-app");
                assertThat(ref.getUid()).isEqualTo("anchor-uid");
            });
        }
        ConfigMap anchor = manifests.anchor(layout);
        assertThat(anchor.getMetadata().getOwnerReferences()).isEmpty();
        assertThat(anchor.getData()).containsEntry("app-id", APP.toString());
    }

    @Test
    void secretHoldsTheConfigVarsBase64Encoded() {
        Secret secret = manifests.config(layout, Map.of("DATABASE_URL", "postgres://u:p@db/x", "EMPTY", ""), owner);

        assertThat(secret.getMetadata().getName()).isEqualTo("shop-config");
        assertThat(secret.getType()).isEqualTo("Opaque");
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("DATABASE_URL")), StandardCharsets.UTF_8))
                .isEqualTo("postgres://u:p@db/x");
        assertThat(secret.getData()).containsEntry("EMPTY", "");
    }

    @Test
    void webDeploymentHasPortProbesLabelsReplicasAndEnvFromTheSecret() {
        Deployment web = deployment("web", "bundle exec puma -p $PORT", 3, "medium");
        Container c = web.getSpec().getTemplate().getSpec().getContainers().getFirst();

        assertThat(web.getMetadata().getName()).isEqualTo("shop-web");
        assertThat(web.getMetadata().getLabels()).containsEntry("paas.io/process", "web").containsEntry("paas.io/release", RELEASE.toString());
        assertThat(web.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("paas.io/process", "web")
                .containsEntry("paas.io/release", RELEASE.toString());
        assertThat(web.getSpec().getSelector().getMatchLabels()).containsOnly(Map.entry("paas.io/app", APP.toString()),
                Map.entry("paas.io/process", "web"));
        assertThat(web.getSpec().getReplicas()).isEqualTo(3);
        assertThat(c.getImage()).isEqualTo("registry.example.com/shop:1");
        assertThat(c.getArgs()).containsExactly("sh", "-c", "bundle exec puma -p $PORT");
        assertThat(c.getEnvFrom()).singleElement().satisfies(e -> assertThat(e.getSecretRef().getName()).isEqualTo("shop-config"));
        assertThat(c.getEnv()).singleElement().satisfies(e -> {
            assertThat(e.getName()).isEqualTo("PORT");
            assertThat(e.getValue()).isEqualTo("8080");
        });
        assertThat(c.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(8080));
        assertThat(c.getReadinessProbe().getTcpSocket().getPort().getIntVal()).isEqualTo(8080);
        assertThat(c.getLivenessProbe().getTcpSocket().getPort().getIntVal()).isEqualTo(8080);
        assertThat(web.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        assertThat(web.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken()).isFalse();
    }

    @Test
    void workerDeploymentHasNoPortNorProbesAndSplitsAPlainCommand() {
        Container c = deployment("worker", "./bin/worker --queue default", 1, "small")
                .getSpec().getTemplate().getSpec().getContainers().getFirst();

        assertThat(c.getArgs()).containsExactly("./bin/worker", "--queue", "default");
        assertThat(c.getEnv()).isEmpty();
        assertThat(c.getPorts()).isEmpty();
        assertThat(c.getReadinessProbe()).isNull();
        assertThat(c.getLivenessProbe()).isNull();
        assertThat(c.getEnvFrom()).singleElement().satisfies(e -> assertThat(e.getSecretRef().getName()).isEqualTo("shop-config"));
    }

    @Test
    void resourcesFollowTheSize() {
        assertThat(resources("small")).containsEntry("cpu", new Quantity("250m")).containsEntry("memory", new Quantity("512Mi"));
        assertThat(resources("medium")).containsEntry("cpu", new Quantity("500m")).containsEntry("memory", new Quantity("1Gi"));
        assertThat(resources("large")).containsEntry("cpu", new Quantity("1")).containsEntry("memory", new Quantity("2Gi"));
        Container small = deployment("web", "x", 1, "small").getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(small.getResources().getLimits()).containsOnlyKeys("memory").containsEntry("memory", new Quantity("512Mi"));
    }

    @Test
    void unknownSizeIsInvalid() {
        assertThatThrownBy(() -> deployment("web", "x", 1, "huge")).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID);
            assertThat(e.field()).hasValue("size");
        });
    }

    @Test
    void blankCommandKeepsTheImagesOwnCommand() {
        Container c = deployment("web", "  ", 1, "small").getSpec().getTemplate().getSpec().getContainers().getFirst();

        assertThat(c.getArgs()).isEmpty();
    }

    @Test
    void serviceRoutesPort80ToTheWebPods() {
        Service service = manifests.webService(layout, owner);

        assertThat(service.getMetadata().getName()).isEqualTo("shop-web");
        assertThat(service.getSpec().getSelector()).containsOnly(Map.entry("paas.io/app", APP.toString()), Map.entry("paas.io/process", "web"));
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getPort()).isEqualTo(80);
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
        });
    }

    @Test
    void ingressOnlyWithADomainAndPullSecretOnlyWhenConfigured() {
        assertThat(manifests.ingress(layout, owner)).isEmpty();
        assertThat(deployment("web", "x", 1, "small").getSpec().getTemplate().getSpec().getImagePullSecrets()).isEmpty();

        KubernetesSettings single = MockClusters.singleNamespaceWithIngress("apps", "apps.example.com");
        AppManifests withIngress = new AppManifests(single);
        AppLayout singleLayout = AppLayout.of(REF, single, "default");
        Ingress ingress = withIngress.ingress(singleLayout, owner).orElseThrow();
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getHost()).isEqualTo("shop-a1b2c3d4e5f6.apps.example.com");
            assertThat(rule.getHttp().getPaths().getFirst().getBackend().getService().getName()).isEqualTo("shop-a1b2c3d4e5f6-web");
        });
        Deployment d = withIngress.deployment(singleLayout, RELEASE, 1, "img", new ProcessSpec("web", "x", 1, "small"), owner);
        assertThat(d.getSpec().getTemplate().getSpec().getImagePullSecrets()).singleElement()
                .satisfies(s -> assertThat(s.getName()).isEqualTo("registry-credentials"));
    }

    private Map<String, Quantity> resources(String size) {
        return deployment("web", "x", 1, size).getSpec().getTemplate().getSpec().getContainers().getFirst()
                .getResources().getRequests();
    }

    private Deployment deployment(String type, String command, int replicas, String size) {
        return manifests.deployment(layout, RELEASE, 7, "registry.example.com/shop:1", new ProcessSpec(type, command, replicas, size), owner);
    }
}
