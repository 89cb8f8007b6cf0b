package io.paasruntime.core.providers;

import io.paasruntime.spi.ConfigKey;
import io.paasruntime.spi.ProviderConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The runtime's settings as flat {@code section.key} strings (from the YAML file, already flattened)
 * plus environment variables: {@code RUNTIME_<SECTION>_<KEY>} with dots and hyphens as underscores,
 * e.g. {@code RUNTIME_IDENTITY_PROVIDER=keycloak} or {@code RUNTIME_STORE_URL=…}. The environment wins.
 */
public final class RuntimeSettings {
    private final Map<String, String> file;
    private final Map<String, String> env;

    public RuntimeSettings(Map<String, String> file, Map<String, String> env) {
        this.file = Map.copyOf(file);
        this.env = Map.copyOf(env);
    }

    public static RuntimeSettings empty() {
        return new RuntimeSettings(Map.of(), Map.of());
    }

    /** The provider id configured for a port, or the port's default. */
    public String providerId(Port<?> port) {
        return value(port.section(), "provider").orElse(port.defaultId());
    }

    /** Whether the config names a provider for the port explicitly. */
    public boolean providerNamed(Port<?> port) {
        return value(port.section(), "provider").isPresent();
    }

    /** A top-level or section setting, e.g. {@code server.port}. */
    public Optional<String> value(String section, String key) {
        String envValue = env.get(envName(section, key));
        if (envValue != null) {
            return Optional.of(envValue);
        }
        return Optional.ofNullable(file.get(section + "." + key));
    }

    /**
     * The port's section checked against the keys its provider declares (unknown keys in the file
     * are refused; environment variables are matched against the declared keys).
     */
    public ProviderConfig providerConfig(Port<?> port, List<ConfigKey> declared) {
        String prefix = port.section() + ".";
        Map<String, String> raw = new LinkedHashMap<>();
        file.forEach((k, v) -> {
            if (k.startsWith(prefix) && !k.equals(prefix + "provider")) {
                raw.put(k.substring(prefix.length()), v);
            }
        });
        for (ConfigKey key : declared) {
            String envValue = env.get(envName(port.section(), key.name()));
            if (envValue != null) {
                raw.put(key.name(), envValue);
            }
        }
        return ProviderConfig.of(port.section(), raw, declared);
    }

    /** Every file setting, for diagnostics; secrets must be masked by the caller. */
    public Map<String, String> fileSettings() {
        return new TreeMap<>(file);
    }

    static String envName(String section, String key) {
        return ("RUNTIME_" + section + "_" + key).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
