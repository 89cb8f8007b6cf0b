package io.paasruntime.kubernetes;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an app ran before a rollout began, so a failed release can be undone and the previous one
 * keeps serving: the pod templates of its Deployments, its config Secret and whether it had web
 * routing. Replicas are not kept: scaling during a rollout stays in effect.
 *
 * @param templates  Deployment name → pod template
 * @param secretData the config Secret's data, if it existed
 */
record PreviousState(Map<String, PodTemplateSpec> templates, Optional<Map<String, String>> secretData,
                     boolean hadService, boolean hadIngress) {

    static PreviousState capture(AppObjects objects) {
        Map<String, PodTemplateSpec> templates = new HashMap<>();
        for (Deployment d : objects.deployments()) {
            templates.put(d.getMetadata().getName(), d.getSpec().getTemplate());
        }
        return new PreviousState(Map.copyOf(templates), objects.secret().map(s -> s.getData() == null
                ? Map.<String, String>of() : Map.copyOf(s.getData())),
                !objects.services().isEmpty(), !objects.ingresses().isEmpty());
    }

    /** Puts the app back: old templates and config, and no objects the failed release added. */
    void restore(AppObjects objects) {
        objects.deleteDeploymentsExcept(templates.keySet());
        for (Deployment d : objects.deployments()) {
            PodTemplateSpec previous = templates.get(d.getMetadata().getName());
            if (previous != null && !previous.equals(d.getSpec().getTemplate())) {
                objects.restoreTemplate(d.getMetadata().getName(), previous);
            }
        }
        secretData.ifPresent(objects::restoreSecretData);
        objects.deleteWebRouting(!hadService, !hadIngress);
    }
}
