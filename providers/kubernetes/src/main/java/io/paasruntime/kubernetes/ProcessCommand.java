package io.paasruntime.kubernetes;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a Procfile-style command into container args. A plain command ({@code ./server --port 8080})
 * is split on spaces so it also works with images that have an {@code ENTRYPOINT} and no shell; one
 * that uses shell syntax ({@code $PORT}, quotes, pipes, {@code &&}, a leading {@code VAR=value} …) runs as {@code sh -c <command>}.
 * A blank command leaves the image's own {@code CMD}.
 */
final class ProcessCommand {
    private static final String SHELL_SYNTAX = "$`'\"\\|&;<>()*?[]{}~#\n";
    private static final Pattern LEADING_ASSIGNMENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=.*");

    private ProcessCommand() {
    }

    static List<String> args(String command) {
        String trimmed = command.strip();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        boolean needsShell = trimmed.chars().anyMatch(c -> SHELL_SYNTAX.indexOf(c) >= 0)
                || LEADING_ASSIGNMENT.matcher(trimmed).matches();
        if (needsShell) {
            return List.of("sh", "-c", trimmed);
        }
        return Arrays.asList(trimmed.split("\\s+"));
    }
}
