package io.paasruntime.kubernetes;

import java.time.Duration;
import java.util.Optional;

/** Settings for tests against the mock API server: quick polling and short timeouts. */
final class MockClusters {
    private MockClusters() {
    }

    static KubernetesSettings perTenant() {
        return new KubernetesSettings(Optional.empty(), Optional.empty(), KubernetesSettings.NamespaceStrategy.PER_TENANT,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(30), Duration.ofMillis(50));
    }

    static KubernetesSettings withTimeout(Duration timeout) {
        KubernetesSettings s = perTenant();
        return new KubernetesSettings(s.kubeconfig(), s.masterUrl(), s.strategy(), s.namespace(), s.ingressDomain(),
                s.ingressClass(), s.imagePullSecret(), timeout, s.pollInterval());
    }

    static KubernetesSettings singleNamespaceWithIngress(String namespace, String domain) {
        return new KubernetesSettings(Optional.empty(), Optional.empty(), KubernetesSettings.NamespaceStrategy.SINGLE,
                Optional.of(namespace), Optional.of(domain), Optional.of("nginx"), Optional.of("registry-credentials"),
                Duration.ofSeconds(30), Duration.ofMillis(50));
    }
}
