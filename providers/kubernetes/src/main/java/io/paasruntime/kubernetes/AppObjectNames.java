package io.paasruntime.kubernetes;

import java.util.Set;

/** The names of an app's objects by kind: what it has now, had before a rollout, or should have after it. */
record AppObjectNames(Set<String> deployments, Set<String> services, Set<String> ingresses, Set<String> secrets,
                      Set<String> configMaps) {
    static final AppObjectNames NONE = new AppObjectNames(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    AppObjectNames {
        deployments = Set.copyOf(deployments);
        services = Set.copyOf(services);
        ingresses = Set.copyOf(ingresses);
        secrets = Set.copyOf(secrets);
        configMaps = Set.copyOf(configMaps);
    }
}
