package io.paasruntime.kubernetes;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.HashMap;
import java.util.Map;

/**
 * What an app ran before a rollout began, so a failed release can be undone and the previous one
 * keeps serving: which objects it had, the pod templates of its Deployments and its config. Replicas
 * are not kept: scaling during a rollout stays in effect.
 *
 * @param names      the objects it had
 * @param templates  Deployment name → pod template
 * @param secretData config Secret name → data
 */
record PreviousState(AppObjectNames names, Map<String, PodTemplateSpec> templates, Map<String, Map<String, String>> secretData) {

    static PreviousState capture(AppObjects objects) {
        Map<String, PodTemplateSpec> templates = new HashMap<>();
        for (Deployment d : objects.deployments()) {
            templates.put(d.getMetadata().getName(), d.getSpec().getTemplate());
        }
        Map<String, Map<String, String>> secretData = new HashMap<>();
        for (Secret s : objects.secrets()) {
            secretData.put(s.getMetadata().getName(), s.getData() == null ? Map.of() : Map.copyOf(s.getData()));
        }
        return new PreviousState(objects.names(), Map.copyOf(templates), Map.copyOf(secretData));
    }

    /** Puts the app back: no objects the failed release added, the old templates and the old config. */
    void restore(AppObjects objects) {
        objects.deleteAllBut(names);
        for (Deployment d : objects.deployments()) {
            PodTemplateSpec previous = templates.get(d.getMetadata().getName());
            if (previous != null && !previous.equals(d.getSpec().getTemplate())) {
                objects.restoreTemplate(d.getMetadata().getName(), previous);
            }
        }
        secretData.forEach(objects::restoreSecretData);
    }
}
