package io.paasruntime.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The live objects of one app in the cluster: reads them by the app's label, writes them with
 * create-or-update (no server-side apply, which Fabric8's mock server lacks), deletes them one by one
 * (so the runtime needs {@code delete}, not {@code deletecollection}). Not thread-safe per app: callers
 * hold the app's lock for writes.
 */
final class AppObjects {
    private final KubernetesClient client;
    private final AppLayout layout;

    AppObjects(KubernetesClient client, AppLayout layout) {
        this.client = client;
        this.layout = layout;
    }

    AppLayout layout() {
        return layout;
    }

    ConfigMap putAnchor(ConfigMap anchor) {
        return client.resource(anchor).createOr(NonDeletingOperation::update);
    }

    void putSecret(Secret secret) {
        client.resource(secret).createOr(NonDeletingOperation::update);
    }

    /** Creates or replaces a Deployment, keeping the restart annotation so re-applying a release does not restart it. */
    void putDeployment(Deployment desired) {
        Deployment existing = client.apps().deployments().inNamespace(layout.namespace())
                .withName(desired.getMetadata().getName()).get();
        if (existing == null) {
            client.resource(desired).createOr(NonDeletingOperation::update);
            return;
        }
        restartedAt(existing).ifPresent(at -> desired.getSpec().getTemplate().getMetadata().getAnnotations()
                .put(AppManifests.RESTARTED_AT, at));
        desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
        client.resource(desired).update();
    }

    /** Creates the Service, or edits it in place: a replace would drop the cluster IP the API server assigned. */
    void putService(Service desired) {
        client.resource(desired).createOr(op -> op.edit(live -> {
            live.getMetadata().setLabels(desired.getMetadata().getLabels());
            live.getMetadata().setOwnerReferences(desired.getMetadata().getOwnerReferences());
            live.getSpec().setSelector(desired.getSpec().getSelector());
            live.getSpec().setPorts(desired.getSpec().getPorts());
            return live;
        }));
    }

    void putIngress(Ingress ingress) {
        client.resource(ingress).createOr(NonDeletingOperation::update);
    }

    List<Deployment> deployments() {
        return client.apps().deployments().inNamespace(layout.namespace()).withLabels(appSelector()).list().getItems();
    }

    List<Pod> pods() {
        return client.pods().inNamespace(layout.namespace()).withLabels(appSelector()).list().getItems();
    }

    List<Pod> pods(UUID releaseId) {
        Map<String, String> selector = new HashMap<>(appSelector());
        selector.put(AppLayout.RELEASE, releaseId.toString());
        return client.pods().inNamespace(layout.namespace()).withLabels(selector).list().getItems();
    }

    List<Service> services() {
        return client.services().inNamespace(layout.namespace()).withLabels(appSelector()).list().getItems();
    }

    List<Ingress> ingresses() {
        return client.network().v1().ingresses().inNamespace(layout.namespace()).withLabels(appSelector()).list().getItems();
    }

    List<Secret> secrets() {
        return client.secrets().inNamespace(layout.namespace()).withLabels(appSelector()).list().getItems();
    }

    List<ConfigMap> configMaps() {
        return client.configMaps().inNamespace(layout.namespace()).withLabels(appSelector()).list().getItems();
    }

    /** The names of everything the app has now. */
    AppObjectNames names() {
        return new AppObjectNames(names(deployments()), names(services()), names(ingresses()), names(secrets()),
                names(configMaps()));
    }

    void restoreSecretData(String secret, Map<String, String> data) {
        client.secrets().inNamespace(layout.namespace()).withName(secret).edit(s -> {
            s.setData(data);
            return s;
        });
    }

    void restoreTemplate(String deployment, PodTemplateSpec template) {
        client.apps().deployments().inNamespace(layout.namespace()).withName(deployment).edit(d -> {
            d.getSpec().setTemplate(template);
            return d;
        });
    }

    void setReplicas(String deployment, int replicas) {
        mergePatch(deployment, "{\"spec\":{\"replicas\":" + replicas + "}}");
    }

    /** A rolling restart, as {@code kubectl rollout restart} does it, but with a JSON merge patch. */
    void markRestarted(String deployment, String instant) {
        mergePatch(deployment, "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\""
                + AppManifests.RESTARTED_AT + "\":\"" + instant + "\"}}}}}");
    }

    /**
     * Deletes the app's objects not named in {@code keep}: what a release no longer has, what a failed
     * release added, or (with {@link AppObjectNames#NONE}) the whole app. The anchor ConfigMap goes
     * last so the garbage collector finishes anything left behind.
     */
    void deleteAllBut(AppObjectNames keep) {
        deployments().stream().filter(o -> !keep.deployments().contains(o.getMetadata().getName())).forEach(this::delete);
        services().stream().filter(o -> !keep.services().contains(o.getMetadata().getName())).forEach(this::delete);
        ingresses().stream().filter(o -> !keep.ingresses().contains(o.getMetadata().getName())).forEach(this::delete);
        secrets().stream().filter(o -> !keep.secrets().contains(o.getMetadata().getName())).forEach(this::delete);
        configMaps().stream().filter(o -> !keep.configMaps().contains(o.getMetadata().getName())).forEach(this::delete);
    }

    static Optional<String> restartedAt(Deployment deployment) {
        return Optional.ofNullable(deployment.getSpec().getTemplate().getMetadata())
                .map(m -> m.getAnnotations()).map(a -> a.get(AppManifests.RESTARTED_AT));
    }

    private void mergePatch(String deployment, String json) {
        client.apps().deployments().inNamespace(layout.namespace()).withName(deployment)
                .patch(PatchContext.of(PatchType.JSON_MERGE), json);
    }

    private void delete(HasMetadata object) {
        client.resource(object).delete();
    }

    private static Set<String> names(List<? extends HasMetadata> objects) {
        return objects.stream().map(o -> o.getMetadata().getName()).collect(Collectors.toSet());
    }

    private Map<String, String> appSelector() {
        return Map.of(AppLayout.APP, layout.app().appId().toString());
    }
}
