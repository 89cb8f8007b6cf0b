package io.paasruntime.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppProcesses;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.ProcessSpec;
import io.paasruntime.spi.orchestration.ReleaseListener;
import io.paasruntime.spi.orchestration.SourceUpload;
import io.paasruntime.spi.store.ReleaseStatus;

import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs releases of container images on Kubernetes: a Deployment per process type, a Service (and
 * optionally an Ingress) for {@code web}, config vars in a Secret, all owned by a per-app anchor
 * ConfigMap (see {@link AppManifests}). Release status follows the Deployments' rollouts
 * ({@link RolloutTracker}); a failed release is undone so the previous one keeps serving.
 *
 * <p>Thread-safe: writes to one app are serialised by a per-app lock; reads take no lock.
 */
public final class KubernetesOrchestrator implements Orchestrator {
    static final String SOURCE_KIND = "image";

    private final KubernetesClient client;
    private final KubernetesSettings settings;
    private final Clock clock;
    private final boolean ownsClient;
    private final AppManifests manifests;
    private final PerAppLocks locks = new PerAppLocks();
    private final RolloutTracker rollouts;
    private final Set<String> knownNamespaces = ConcurrentHashMap.newKeySet();
    private final String defaultNamespace;

    /**
     * @param ownsClient whether {@link #close()} closes {@code client}
     */
    public KubernetesOrchestrator(KubernetesClient client, KubernetesSettings settings, Clock clock, boolean ownsClient) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
        this.ownsClient = ownsClient;
        this.manifests = new AppManifests(settings);
        this.rollouts = new RolloutTracker(locks, settings.pollInterval(), settings.rolloutTimeout());
        this.defaultNamespace = Optional.ofNullable(client.getNamespace()).orElse("default");
    }

    @Override
    public String sourceKind() {
        return SOURCE_KIND;
    }

    @Override
    public PreparedSource prepare(SourceUpload upload) {
        return switch (upload) {
            case SourceUpload.Image image -> {
                String ref = ImageReference.check(image.image());
                image.processes().keySet().forEach(AppLayout::dnsName);
                checkDistinctNames(image.processes().keySet());
                yield new PreparedSource(SOURCE_KIND, ref, image.processes());
            }
            case SourceUpload.Artifact artifact -> throw ProviderException.invalid("body",
                    "the kubernetes orchestrator runs container images: deploy JSON {\"image\":…,\"processes\":…}; "
                            + ".tar.gz artifacts need orchestration.provider=local");
        };
    }

    @Override
    public boolean sourceAvailable(String sourceRef) {
        // an image is pulled by the cluster at rollout time; its registry decides then
        return true;
    }

    @Override
    public void apply(io.paasruntime.spi.orchestration.Deployment release, ReleaseListener listener) {
        if (!SOURCE_KIND.equals(release.sourceKind())) {
            throw ProviderException.invalid("source", "the kubernetes orchestrator runs container images, not "
                    + release.sourceKind() + " sources; redeploy the app from an image");
        }
        String image = ImageReference.check(release.sourceRef());
        release.processes().values().forEach(spec -> ContainerSize.of(spec.size()));
        checkDistinctNames(release.processes().keySet());
        AppObjects objects = objects(release.app());
        AppLayout layout = objects.layout();
        call("apply release v" + release.version(), () -> {
            locks.run(release.app().appId(), () -> {
                ensureNamespace(layout);
                PreviousState before = rollouts.current(release.app().appId()).map(Rollout::before)
                        .orElseGet(() -> PreviousState.capture(objects));
                try {
                    write(objects, release, image);
                } catch (RuntimeException e) {
                    undo(objects, before);
                    throw e;
                }
                rollouts.start(new Rollout(objects, release.releaseId(), release.version(),
                        layout.objectNames(release.processes().keySet(), settings.ingressDomain().isPresent()), before,
                        listener, System.nanoTime() + rollouts.timeout().toNanos()));
            });
            return null;
        });
    }

    @Override
    public void restart(AppRef app, Optional<String> processType) {
        AppObjects objects = objects(app);
        String at = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        call("restart " + app.appName(), () -> {
            locks.run(app.appId(), () -> deploymentsOf(objects, app, processType)
                    .forEach(d -> objects.markRestarted(d.getMetadata().getName(), at)));
            return null;
        });
    }

    @Override
    public void scale(AppRef app, String processType, int replicas) {
        if (replicas < 0) {
            throw ProviderException.invalid("replicas", "must be 0 or more");
        }
        AppObjects objects = objects(app);
        call("scale " + app.appName(), () -> {
            locks.run(app.appId(), () -> deploymentsOf(objects, app, Optional.of(processType))
                    .forEach(d -> objects.setReplicas(d.getMetadata().getName(), replicas)));
            return null;
        });
    }

    @Override
    public AppProcesses processes(AppRef app) {
        AppObjects objects = objects(app);
        return call("list the processes of " + app.appName(), () -> {
            List<Deployment> deployments = objects.deployments();
            Map<String, List<Pod>> podsByType = objects.pods().stream()
                    .filter(p -> p.getMetadata().getLabels() != null && p.getMetadata().getLabels().containsKey(AppLayout.PROCESS))
                    .collect(Collectors.groupingBy(p -> p.getMetadata().getLabels().get(AppLayout.PROCESS)));
            List<AppProcesses.ProcessGroup> groups = new ArrayList<>();
            for (Deployment d : deployments) {
                String type = d.getMetadata().getLabels().get(AppLayout.PROCESS);
                Map<String, String> annotations = Optional.ofNullable(d.getMetadata().getAnnotations()).orElse(Map.of());
                List<AppProcesses.Instance> instances = podsByType.getOrDefault(type, List.of()).stream()
                        .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                        .map(PodInstances::of).toList();
                groups.add(new AppProcesses.ProcessGroup(type, annotations.getOrDefault(AppManifests.COMMAND, ""),
                        Optional.ofNullable(d.getSpec().getReplicas()).orElse(1),
                        annotations.getOrDefault(AppManifests.SIZE, ContainerSize.SMALL.wireName()), instances));
            }
            groups.sort(Comparator.comparing((AppProcesses.ProcessGroup g) -> !AppLayout.WEB.equals(g.type()))
                    .thenComparing(AppProcesses.ProcessGroup::type));
            return new AppProcesses(groups);
        });
    }

    /**
     * {@code http://<app>-<tenant suffix>.<ingress domain>} with an ingress domain; otherwise the
     * Service's cluster DNS name, reachable from inside the cluster only.
     */
    @Override
    public Optional<URI> webUrl(AppRef app) {
        AppObjects objects = objects(app);
        return call("read the web address of " + app.appName(), () -> {
            Optional<Service> service = objects.services().stream().findFirst();
            if (service.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(settings.ingressDomain()
                    .map(domain -> URI.create("http://" + objects.layout().ingressHost(domain)))
                    .orElseGet(() -> URI.create("http://" + service.get().getMetadata().getName() + "."
                            + objects.layout().namespace() + ".svc.cluster.local")));
        });
    }

    @Override
    public void stop(AppRef app) {
        AppObjects objects = objects(app);
        call("stop " + app.appName(), () -> {
            locks.run(app.appId(), () -> {
                rollouts.cancel(app.appId(), ReleaseStatus.FAILED, "the app was stopped before the rollout finished");
                objects.deployments().forEach(d -> objects.setReplicas(d.getMetadata().getName(), 0));
            });
            return null;
        });
    }

    @Override
    public void purge(AppRef app) {
        AppObjects objects = objects(app);
        call("delete " + app.appName(), () -> {
            locks.run(app.appId(), () -> {
                rollouts.cancel(app.appId(), ReleaseStatus.FAILED, "the app was deleted before the rollout finished");
                objects.deleteAllBut(AppObjectNames.NONE);
            });
            return null;
        });
    }

    @Override
    public void close() {
        rollouts.close();
        if (ownsClient) {
            client.close();
        }
    }

    private void write(AppObjects objects, io.paasruntime.spi.orchestration.Deployment release, String image) {
        AppLayout layout = objects.layout();
        ConfigMap anchor = objects.putAnchor(manifests.anchor(layout));
        OwnerReference owner = AppManifests.ownedBy(anchor);
        objects.putSecret(manifests.config(layout, release.env(), owner));
        for (ProcessSpec spec : release.processes().values()) {
            objects.putDeployment(manifests.deployment(layout, release.releaseId(), release.version(), image, spec, owner));
        }
        if (release.processes().containsKey(AppLayout.WEB)) {
            objects.putService(manifests.webService(layout, owner));
            manifests.ingress(layout, owner).ifPresent(objects::putIngress);
        }
    }

    private static void undo(AppObjects objects, PreviousState before) {
        try {
            before.restore(objects);
        } catch (KubernetesClientException ignored) {
            // the write already failed; the next deploy replaces whatever is left
        }
    }

    private List<Deployment> deploymentsOf(AppObjects objects, AppRef app, Optional<String> processType) {
        List<Deployment> found = objects.deployments().stream()
                .filter(d -> processType.isEmpty() || processType.get().equals(d.getMetadata().getLabels().get(AppLayout.PROCESS)))
                .toList();
        if (found.isEmpty() && processType.isPresent()) {
            throw ProviderException.notFound("process type '" + processType.get() + "' is not running for app " + app.appName());
        }
        return found;
    }

    /** Per-tenant namespaces are created on first use; a shared namespace must already exist. */
    private void ensureNamespace(AppLayout layout) {
        if (settings.strategy() != KubernetesSettings.NamespaceStrategy.PER_TENANT || knownNamespaces.contains(layout.namespace())) {
            return;
        }
        try {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(layout.namespace())
                    .addToLabels(AppLayout.MANAGED_BY, AppLayout.MANAGER)
                    .addToLabels(AppLayout.TENANT, layout.app().tenantId().toString()).endMetadata().build()).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
        knownNamespaces.add(layout.namespace());
    }

    /** Two process types whose object names would clash ({@code a_b} and {@code a-b}) are refused. */
    private static void checkDistinctNames(Set<String> types) {
        Map<String, String> seen = new HashMap<>();
        for (String type : types) {
            String previous = seen.put(AppLayout.dnsName(type), type);
            if (previous != null) {
                throw ProviderException.invalid("processes", "process types '" + previous + "' and '" + type
                        + "' map to the same Kubernetes name; rename one");
            }
        }
    }

    private AppObjects objects(AppRef app) {
        return new AppObjects(client, AppLayout.of(app, settings, defaultNamespace));
    }

    private static <T> T call(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (KubernetesClientException e) {
            throw KubernetesErrors.translate(action, e);
        }
    }
}
