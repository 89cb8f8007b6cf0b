package io.paasruntime.cli.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code KEY=VALUE} arguments ({@code config:set}, {@code ps:scale}): split at the first '=',
 * so values may hold '='; keys must match the given pattern; a repeated key keeps its last value.
 */
final class Assignments {
    /** Config var names: what a shell accepts as a variable name. */
    static final Pattern CONFIG_KEY = Pattern.compile("[A-Z_][A-Z0-9_]{0,254}");
    /** Process types as a Procfile names them. */
    static final Pattern PROCESS_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private Assignments() {
    }

    /** @throws IllegalArgumentException naming the first malformed argument */
    static Map<String, String> parse(List<String> args, Pattern keys, String keyName) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected " + keyName + "=VALUE, got '" + arg + "'");
            }
            String key = arg.substring(0, eq);
            if (!keys.matcher(key).matches()) {
                throw new IllegalArgumentException("'" + key + "' is not a valid " + keyName.toLowerCase(java.util.Locale.ROOT)
                        + " (allowed: " + keys.pattern() + ")");
            }
            out.put(key, arg.substring(eq + 1));
        }
        return out;
    }

    /** Checks bare keys, as {@code config:unset} takes them. */
    static List<String> keys(List<String> args, Pattern keys, String keyName) {
        for (String k : args) {
            if (!keys.matcher(k).matches()) {
                throw new IllegalArgumentException("'" + k + "' is not a valid " + keyName.toLowerCase(java.util.Locale.ROOT)
                        + " (allowed: " + keys.pattern() + ")");
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(args));
    }
}
