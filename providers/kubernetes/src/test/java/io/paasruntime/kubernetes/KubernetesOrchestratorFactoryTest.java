package io.paasruntime.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.OrchestratorFactory;
import io.paasruntime.tck.TestProviderContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesOrchestratorFactoryTest {
    KubernetesClient client;
    @TempDir
    Path dataDir;

    @Test
    void serviceLoaderFindsTheFactoryUnderItsId() {
        assertThat(ServiceLoader.load(OrchestratorFactory.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(f -> {
                    assertThat(f.id()).isEqualTo("kubernetes");
                    assertThat(f).isInstanceOf(KubernetesOrchestratorFactory.class);
                });
    }

    @Test
    void startsWithAMasterUrlTalksToTheApiServerAndCloses() throws Exception {
        Orchestrator orchestrator = create(Map.of("master-url", client.getMasterUrl().toString()));
        try (orchestrator) {
            AppRef app = new AppRef(UUID.randomUUID(), UUID.randomUUID(), "shop");
            assertThat(orchestrator.sourceKind()).isEqualTo("image");
            assertThat(orchestrator.processes(app).types()).isEmpty();
        }
    }

    @Test
    void unreachableApiServerIsUnavailable() throws Exception {
        try (Orchestrator orchestrator = create(Map.of("master-url", "http://127.0.0.1:1"))) {
            assertThatThrownBy(() -> orchestrator.processes(new AppRef(UUID.randomUUID(), UUID.randomUUID(), "shop")))
                    .isInstanceOfSatisfying(ProviderException.class,
                            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE));
        }
    }

    @Test
    void badSettingsAreRefusedNamingTheKey() {
        assertInvalid(Map.of("namespace-strategy", "per-app"), "orchestration.namespace-strategy");
        assertInvalid(Map.of("namespace", "apps"), "orchestration.namespace");
        assertInvalid(Map.of("namespace-strategy", "single", "namespace", "Not_A_Namespace"), "orchestration.namespace");
        assertInvalid(Map.of("kubeconfig", dataDir.resolve("missing").toString()), "orchestration.kubeconfig");
        assertInvalid(Map.of("rollout-timeout", "soon"), "orchestration.rollout-timeout");
        assertInvalid(Map.of("ingress.domain", "bad domain"), "orchestration.ingress.domain");
        assertInvalid(Map.of("replicas", "3"), "orchestration");
    }

    private Orchestrator create(Map<String, String> raw) {
        KubernetesOrchestratorFactory factory = new KubernetesOrchestratorFactory();
        return factory.create(ProviderConfig.of("orchestration", raw, factory.configKeys()), TestProviderContext.of(dataDir));
    }

    private void assertInvalid(Map<String, String> raw, String field) {
        assertThatThrownBy(() -> create(raw)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID);
            assertThat(e.field()).hasValue(field);
        });
    }
}
