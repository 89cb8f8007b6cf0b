package io.paasruntime.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * One setting a provider reads from its port's config section.
 *
 * @param name         key below the port section, e.g. {@code url} for {@code identity.url}
 * @param description  one line for operators
 * @param defaultValue used when the key is absent; empty means required unless {@code optional}
 * @param secret       never printed, logged or returned
 * @param optional     absent is fine even without a default
 */
public record ConfigKey(String name, String description, Optional<String> defaultValue, boolean secret,
                        boolean optional) {
    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (!name.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*")) {
            throw new IllegalArgumentException("config key must be lowercase dotted words: " + name);
        }
    }

    /** A setting with a default. */
    public static ConfigKey of(String name, String defaultValue, String description) {
        return new ConfigKey(name, description, Optional.of(defaultValue), false, false);
    }

    /** A setting that may be absent. */
    public static ConfigKey optional(String name, String description) {
        return new ConfigKey(name, description, Optional.empty(), false, true);
    }

    /** A setting that must be given. */
    public static ConfigKey required(String name, String description) {
        return new ConfigKey(name, description, Optional.empty(), false, false);
    }

    /** The same key, marked secret. */
    public ConfigKey asSecret() {
        return new ConfigKey(name, description, defaultValue, true, optional);
    }
}
