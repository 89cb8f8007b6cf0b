package io.paasruntime.kubernetes;

import io.paasruntime.spi.ConfigKey;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code orchestration.*} settings of the Kubernetes orchestrator, checked.
 *
 * @param kubeconfig      a kubeconfig file; empty means Fabric8's auto-configuration (in-cluster service
 *                        account, {@code KUBECONFIG}, {@code ~/.kube/config})
 * @param masterUrl       overrides the API server address of the kubeconfig or auto-configuration
 * @param strategy        where apps go: one namespace per tenant, or one shared namespace
 * @param namespace       the shared namespace ({@code single}); empty means the client's default namespace
 * @param ingressDomain   when set, each app with {@code web} gets an Ingress under this domain
 * @param ingressClass    the {@code ingressClassName} of those Ingresses; empty means the cluster's default class
 * @param imagePullSecret the name of a pull secret that must exist in every app namespace
 * @param rolloutTimeout  how long a release may take to become available before it fails
 * @param pollInterval    how often a rollout's Deployments are checked
 */
public record KubernetesSettings(Optional<Path> kubeconfig, Optional<String> masterUrl, NamespaceStrategy strategy,
                                 Optional<String> namespace, Optional<String> ingressDomain,
                                 Optional<String> ingressClass, Optional<String> imagePullSecret,
                                 Duration rolloutTimeout, Duration pollInterval) {

    /** Where apps' objects live. */
    public enum NamespaceStrategy {
        /** {@code paas-<tenant id>}, created on the tenant's first deploy. */
        PER_TENANT,
        /** One namespace for every tenant; object names then carry a tenant suffix. */
        SINGLE
    }

    private static final String DNS_LABEL = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";

    static final List<ConfigKey> KEYS = List.of(
            ConfigKey.optional("kubeconfig", "path of a kubeconfig file; absent: in-cluster service account or ~/.kube/config"),
            ConfigKey.optional("master-url", "API server URL, overriding the kubeconfig's"),
            ConfigKey.of("namespace-strategy", "per-tenant", "per-tenant (namespace paas-<tenant id>) or single"),
            ConfigKey.optional("namespace", "the namespace of every app when namespace-strategy is single"),
            ConfigKey.optional("ingress.domain", "domain under which each app's web processes get an Ingress host"),
            ConfigKey.optional("ingress.class", "ingressClassName of those Ingresses (default: the cluster's default class)"),
            ConfigKey.optional("image-pull-secret", "name of an image pull secret present in the app namespaces"),
            ConfigKey.of("rollout-timeout", "10m", "how long a release may take to become available"),
            ConfigKey.of("poll-interval", "2s", "how often rollouts are checked"));

    public KubernetesSettings {
        if (rolloutTimeout.isNegative() || rolloutTimeout.isZero()) {
            throw ProviderException.invalid("orchestration.rollout-timeout", "must be positive");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw ProviderException.invalid("orchestration.poll-interval", "must be positive");
        }
    }

    /** Reads and checks the settings. */
    public static KubernetesSettings from(ProviderConfig config) {
        Optional<Path> kubeconfig = config.get("kubeconfig").map(Path::of);
        kubeconfig.filter(p -> !Files.isReadable(p)).ifPresent(p -> {
            throw ProviderException.invalid("orchestration.kubeconfig", "cannot read kubeconfig file " + p);
        });
        NamespaceStrategy strategy = switch (config.require("namespace-strategy").trim().toLowerCase(Locale.ROOT)) {
            case "per-tenant" -> NamespaceStrategy.PER_TENANT;
            case "single" -> NamespaceStrategy.SINGLE;
            default -> throw ProviderException.invalid("orchestration.namespace-strategy", "must be per-tenant or single");
        };
        Optional<String> namespace = config.get("namespace").map(String::trim);
        namespace.filter(n -> !n.matches(DNS_LABEL)).ifPresent(n -> {
            throw ProviderException.invalid("orchestration.namespace", "'" + n + "' is not a namespace name (a DNS label)");
        });
        if (namespace.isPresent() && strategy == NamespaceStrategy.PER_TENANT) {
            throw ProviderException.invalid("orchestration.namespace",
                    "is only read with namespace-strategy single; per-tenant namespaces are named paas-<tenant id>");
        }
        Optional<String> domain = config.get("ingress.domain").map(d -> d.trim().toLowerCase(Locale.ROOT));
        domain.filter(d -> !d.matches(DNS_LABEL + "(\\." + DNS_LABEL + ")*")).ifPresent(d -> {
            throw ProviderException.invalid("orchestration.ingress.domain", "'" + d + "' is not a domain name");
        });
        return new KubernetesSettings(kubeconfig, config.get("master-url").map(String::trim), strategy, namespace,
                domain, config.get("ingress.class").map(String::trim), config.get("image-pull-secret").map(String::trim),
                config.getDuration("rollout-timeout"), config.getDuration("poll-interval"));
    }
}
