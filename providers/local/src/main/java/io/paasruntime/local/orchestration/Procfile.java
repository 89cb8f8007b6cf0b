package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The process types of an app, read from the {@code Procfile} at the root of its artifact:
 * one {@code type: command} per line, types matching {@code [a-z][a-z0-9_-]*}. Blank lines,
 * {@code #} comments and lines that do not match are skipped; a Procfile without any valid line,
 * or naming a type twice, is refused ({@code INVALID} on field {@code Procfile}).
 *
 * @param processes type → shell command, in file order
 */
record Procfile(Map<String, String> processes) {
    private static final Pattern LINE = Pattern.compile("([a-z][a-z0-9_-]{0,29})\\s*:\\s*(\\S.*)");

    static Procfile parse(String text) {
        Map<String, String> processes = new LinkedHashMap<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            var m = LINE.matcher(line);
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            if (processes.putIfAbsent(m.group(1), m.group(2).strip()) != null) {
                throw ProviderException.invalid("Procfile", "the Procfile declares process type '" + m.group(1) + "' twice");
            }
        }
        if (processes.isEmpty()) {
            throw ProviderException.invalid("Procfile", "the Procfile has no valid line; write one 'type: command' per line, "
                    + "e.g. 'web: python3 server.py' (types are lowercase letters, digits, '-' and '_')");
        }
        return new Procfile(java.util.Collections.unmodifiableMap(processes));
    }
}
