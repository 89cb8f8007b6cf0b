package io.paasruntime.kubernetes;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppRef;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Where an app's objects live and what they are called and labelled.
 *
 * <p>Objects are <em>found</em> by the {@code paas.io/app} label (the app id), never by name, so a
 * renamed app still finds its objects; names only make {@code kubectl get} readable. With the
 * {@code single} namespace strategy, names carry the tenant's {@link #tenantSuffix} because app names
 * are only unique within a tenant. Ingress hosts always carry it: two tenants' apps called {@code api}
 * must not claim the same host.
 *
 * @param namespace the app's namespace
 * @param baseName  prefix of the app's object names
 */
record AppLayout(AppRef app, String namespace, String baseName) {
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String MANAGER = "paas-runtime";
    static final String TENANT = "paas.io/tenant";
    static final String APP = "paas.io/app";
    static final String APP_NAME = "paas.io/app-name";
    static final String PROCESS = "paas.io/process";
    static final String RELEASE = "paas.io/release";
    static final String WEB = "web";
    /** The port {@code web} processes listen on ({@code PORT}). */
    static final int WEB_PORT = 8080;

    static AppLayout of(AppRef app, KubernetesSettings settings, String defaultNamespace) {
        return switch (settings.strategy()) {
            case PER_TENANT -> new AppLayout(app, tenantNamespace(app.tenantId()), app.appName());
            case SINGLE -> new AppLayout(app, settings.namespace().orElse(defaultNamespace),
                    app.appName() + "-" + tenantSuffix(app.tenantId()));
        };
    }

    /** {@code paas-<tenant id>}: the whole id, because the leading digits of UUIDv7 ids are a timestamp. */
    static String tenantNamespace(UUID tenantId) {
        return "paas-" + tenantId;
    }

    /** The last 12 hex digits of the tenant id: random in both UUIDv4 and UUIDv7. */
    static String tenantSuffix(UUID tenantId) {
        String hex = tenantId.toString().replace("-", "");
        return hex.substring(hex.length() - 12);
    }

    String deploymentName(String processType) {
        return baseName + "-" + dnsName(processType);
    }

    String serviceName() {
        return baseName + "-" + WEB;
    }

    String secretName() {
        return baseName + "-config";
    }

    /** The ConfigMap every other object of the app names as its owner. */
    String anchorName() {
        return baseName + "-app";
    }

    /** {@code <app>-<tenant suffix>.<domain>}. */
    String ingressHost(String domain) {
        return app.appName() + "-" + tenantSuffix(app.tenantId()) + "." + domain;
    }

    /** The objects the app has when it runs {@code processTypes}. */
    AppObjectNames objectNames(Set<String> processTypes, boolean ingressDomain) {
        boolean web = processTypes.contains(WEB);
        return new AppObjectNames(processTypes.stream().map(this::deploymentName).collect(Collectors.toSet()),
                web ? Set.of(serviceName()) : Set.of(), web && ingressDomain ? Set.of(serviceName()) : Set.of(),
                Set.of(secretName()), Set.of(anchorName()));
    }

    /** Labels of every object of the app. */
    Map<String, String> appLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY, MANAGER);
        labels.put(TENANT, app.tenantId().toString());
        labels.put(APP, app.appId().toString());
        labels.put(APP_NAME, app.appName());
        return labels;
    }

    /** Labels of a process type's Deployment and pods. */
    Map<String, String> processLabels(String processType, UUID releaseId) {
        Map<String, String> labels = appLabels();
        labels.put(PROCESS, processType);
        labels.put(RELEASE, releaseId.toString());
        return labels;
    }

    /** The immutable selector of a process type's pods (no release: a new release must reuse the Deployment). */
    Map<String, String> selector(String processType) {
        return Map.of(APP, app.appId().toString(), PROCESS, processType);
    }

    /** Optional so callers can say which types are unrepresentable. */
    static Optional<String> checkedDnsName(String processType) {
        String name = processType.toLowerCase(Locale.ROOT).replace('_', '-');
        return name.matches("[a-z]([a-z0-9-]{0,28}[a-z0-9])?") ? Optional.of(name) : Optional.empty();
    }

    /** The process type as part of an object name ({@code _} becomes {@code -}). */
    static String dnsName(String processType) {
        return checkedDnsName(processType).orElseThrow(() -> ProviderException.invalid("processes",
                "process type '" + processType + "' cannot name a Kubernetes object: use lowercase letters, digits and -"));
    }
}
