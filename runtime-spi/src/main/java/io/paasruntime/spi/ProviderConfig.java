package io.paasruntime.spi;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The settings of one port's section (e.g. everything under {@code orchestration:} but
 * {@code provider}), checked against the keys the factory declared. Immutable and thread-safe.
 * {@link #toString()} masks secret values.
 */
public final class ProviderConfig {
    private final String port;
    private final Map<String, String> values;
    private final Map<String, ConfigKey> keys;

    private ProviderConfig(String port, Map<String, String> values, Map<String, ConfigKey> keys) {
        this.port = port;
        this.values = values;
        this.keys = keys;
    }

    /**
     * Checks {@code raw} against {@code declared}: unknown keys and missing required keys are refused
     * with a {@link ProviderException} of kind {@code INVALID} naming them; defaults are filled in.
     */
    public static ProviderConfig of(String port, Map<String, String> raw, List<ConfigKey> declared) {
        Map<String, ConfigKey> keys = new LinkedHashMap<>();
        declared.forEach(k -> keys.put(k.name(), k));
        List<String> unknown = raw.keySet().stream().filter(k -> !keys.containsKey(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ProviderException.invalid(port, "unknown setting(s) " + unknown.stream()
                    .map(k -> port + "." + k).collect(Collectors.joining(", "))
                    + "; known: " + keys.keySet().stream().map(k -> port + "." + k).collect(Collectors.joining(", ")));
        }
        Map<String, String> values = new TreeMap<>();
        for (ConfigKey key : declared) {
            String value = raw.get(key.name());
            if (value == null) {
                value = key.defaultValue().orElse(null);
            }
            if (value == null && !key.optional()) {
                throw ProviderException.invalid(port + "." + key.name(), "required setting " + port + "." + key.name()
                        + " is missing (" + key.description() + ")");
            }
            if (value != null) {
                values.put(key.name(), value);
            }
        }
        return new ProviderConfig(port, Collections.unmodifiableMap(values), Collections.unmodifiableMap(keys));
    }

    /** The port this section configures, e.g. {@code identity}. */
    public String port() {
        return port;
    }

    public Optional<String> get(String key) {
        checkDeclared(key);
        return Optional.ofNullable(values.get(key));
    }

    /** The value of a key that has a default or is required. */
    public String require(String key) {
        return get(key).orElseThrow(() -> ProviderException.invalid(port + "." + key, "setting " + port + "." + key + " is missing"));
    }

    public int getInt(String key) {
        String value = require(key);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProviderException.invalid(port + "." + key, "setting " + port + "." + key + " must be an integer, got '" + shown(key, value) + "'");
        }
    }

    public long getLong(String key) {
        String value = require(key);
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ProviderException.invalid(port + "." + key, "setting " + port + "." + key + " must be an integer, got '" + shown(key, value) + "'");
        }
    }

    public boolean getBoolean(String key) {
        String value = require(key).trim().toLowerCase();
        return switch (value) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw ProviderException.invalid(port + "." + key, "setting " + port + "." + key + " must be true or false");
        };
    }

    /** Reads a duration written as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d} or ISO-8601. */
    public Duration getDuration(String key) {
        String value = require(key).trim();
        try {
            return parseDuration(value);
        } catch (IllegalArgumentException e) {
            throw ProviderException.invalid(port + "." + key, "setting " + port + "." + key + " must be a duration like 30s or 5m");
        }
    }

    /** Parses {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d} or an ISO-8601 duration. */
    public static Duration parseDuration(String value) {
        var m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h|d)").matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration: " + value, e);
        }
    }

    /** All values, secrets included: for the provider itself, never for printing. */
    public Map<String, String> asMap() {
        return values;
    }

    private void checkDeclared(String key) {
        if (!keys.containsKey(key)) {
            throw new IllegalArgumentException("provider reads undeclared key " + port + "." + key);
        }
    }

    private String shown(String key, String value) {
        return keys.get(key).secret() ? "****" : value;
    }

    @Override
    public String toString() {
        return port + values.entrySet().stream()
                .map(e -> e.getKey() + "=" + shown(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
