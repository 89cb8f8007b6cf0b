package io.paasruntime.signoz;

import io.paasruntime.spi.ConfigKey;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppRef;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where SigNoz is and how the runtime's apps are found in it: the settings both SigNoz factories
 * read. Resource attributes default to what the OpenTelemetry collector's {@code k8sattributes}
 * processor makes of the labels the Kubernetes orchestrator sets on pods
 * ({@code paas.io/app} → {@code k8s.pod.labels.paas.io/app}, …). {@link #toString()} hides the key.
 *
 * @param namespace      value the namespace attribute must have ({@code {tenant}} is replaced by the
 *                       tenant id, e.g. {@code paas-{tenant}}); empty: no namespace filter
 * @param appValueIsName whether the app attribute holds the app's name rather than its id
 */
record SigNozSettings(URI url, Optional<String> apiKey, Duration timeout, String namespaceAttribute,
                      Optional<String> namespace, String appAttribute, boolean appValueIsName,
                      String processAttribute, String instanceAttribute) {

    /** The keys both sections share. */
    static List<ConfigKey> commonKeys() {
        List<ConfigKey> keys = new ArrayList<>();
        keys.add(ConfigKey.required("url", "base URL of SigNoz, e.g. https://signoz.example.com"));
        keys.add(ConfigKey.optional("api-key", "SigNoz API key (sent as SIGNOZ-API-KEY)").asSecret());
        keys.add(ConfigKey.of("timeout", "5s", "time a SigNoz query may take"));
        keys.add(ConfigKey.of("resource.namespace-attribute", "k8s.namespace.name", "resource attribute holding the namespace"));
        keys.add(ConfigKey.optional("resource.namespace", "namespace to match, {tenant} = tenant id (e.g. paas-{tenant}); unset: any"));
        keys.add(ConfigKey.of("resource.app-attribute", "k8s.pod.labels.paas.io/app", "resource attribute naming the app"));
        keys.add(ConfigKey.of("resource.app-value", "id", "what the app attribute holds: id or name"));
        keys.add(ConfigKey.of("resource.process-attribute", "k8s.pod.labels.paas.io/process", "resource attribute naming the process type"));
        keys.add(ConfigKey.of("resource.instance-attribute", "k8s.pod.name", "resource attribute naming the instance"));
        return keys;
    }

    static SigNozSettings from(ProviderConfig config) {
        String section = config.port();
        URI url;
        try {
            url = URI.create(config.require("url").trim().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw ProviderException.invalid(section + ".url", section + ".url is not a URL");
        }
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw ProviderException.invalid(section + ".url", section + ".url must be an http(s) URL with a host");
        }
        Duration timeout = config.getDuration("timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw ProviderException.invalid(section + ".timeout", section + ".timeout must be between 1ms and 5m");
        }
        String appValue = config.require("resource.app-value").trim();
        if (!appValue.equals("id") && !appValue.equals("name")) {
            throw ProviderException.invalid(section + ".resource.app-value", section + ".resource.app-value must be id or name");
        }
        return new SigNozSettings(url, config.get("api-key").filter(k -> !k.isBlank()), timeout,
                attribute(config, "resource.namespace-attribute"), config.get("resource.namespace").map(String::trim),
                attribute(config, "resource.app-attribute"), appValue.equals("name"),
                attribute(config, "resource.process-attribute"), attribute(config, "resource.instance-attribute"));
    }

    static String attribute(ProviderConfig config, String key) {
        String value = config.require(key).trim();
        if (!value.matches("[A-Za-z0-9_.:/\\-]+")) {
            throw ProviderException.invalid(config.port() + "." + key, config.port() + "." + key
                    + " must be an attribute name (letters, digits, and . _ : / -)");
        }
        return value;
    }

    /** The filter that selects {@code app}'s data: its app attribute, and its namespace when configured. */
    FilterExpression appFilter(AppRef app) {
        FilterExpression filter = FilterExpression.equal(appAttribute, appValueIsName ? app.appName() : app.appId().toString());
        return namespace.map(ns -> filter.and(FilterExpression.equal(namespaceAttribute, ns.replace("{tenant}", app.tenantId().toString()))))
                .orElse(filter);
    }

    @Override
    public String toString() {
        return "SigNozSettings[" + url + ", api-key " + (apiKey.isPresent() ? "****" : "none") + ", timeout " + timeout + "]";
    }
}
