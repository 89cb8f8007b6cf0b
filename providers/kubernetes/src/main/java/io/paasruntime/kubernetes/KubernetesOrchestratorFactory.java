package io.paasruntime.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.paasruntime.spi.ConfigKey;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderContext;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.SpiVersion;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.OrchestratorFactory;

import java.util.List;

/**
 * {@code orchestration.provider: kubernetes}. Settings (all optional):
 * <ul>
 *   <li>{@code kubeconfig}: a kubeconfig file; absent means Fabric8's auto-configuration (the pod's
 *       service account in a cluster, else {@code KUBECONFIG} or {@code ~/.kube/config})</li>
 *   <li>{@code master-url}: overrides the API server address</li>
 *   <li>{@code namespace-strategy}: {@code per-tenant} (default: namespace {@code paas-<tenant id>}) or {@code single}</li>
 *   <li>{@code namespace}: the namespace of every app with {@code single}</li>
 *   <li>{@code ingress.domain}, {@code ingress.class}: an Ingress per app with {@code web}</li>
 *   <li>{@code image-pull-secret}: pull secret name for app pods</li>
 *   <li>{@code rollout-timeout} (10m), {@code poll-interval} (2s)</li>
 * </ul>
 * The connection is not tried at start-up: the API server's failures surface per call as {@code UNAVAILABLE}.
 */
public final class KubernetesOrchestratorFactory implements OrchestratorFactory {
    public static final String ID = "kubernetes";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<ConfigKey> configKeys() {
        return KubernetesSettings.KEYS;
    }

    @Override
    public Orchestrator create(ProviderConfig config, ProviderContext context) {
        KubernetesSettings settings = KubernetesSettings.from(config);
        return new KubernetesOrchestrator(connect(settings), settings, context.clock(), true);
    }

    static KubernetesClient connect(KubernetesSettings settings) {
        try {
            Config base = settings.kubeconfig().map(path -> Config.fromKubeconfig(path.toFile()))
                    .orElseGet(() -> Config.autoConfigure(null));
            ConfigBuilder builder = new ConfigBuilder(base)
                    // an API call answers a user's request: fail within seconds, not after Fabric8's ten retries
                    .withRequestRetryBackoffLimit(2)
                    .withConnectionTimeout(5_000);
            settings.masterUrl().ifPresent(builder::withMasterUrl);
            Config config = builder.build();
            return new KubernetesClientBuilder().withConfig(config).build();
        } catch (KubernetesClientException e) {
            throw ProviderException.invalid("orchestration.kubeconfig", "cannot configure the Kubernetes client: "
                    + e.getClass().getSimpleName());
        }
    }
}
