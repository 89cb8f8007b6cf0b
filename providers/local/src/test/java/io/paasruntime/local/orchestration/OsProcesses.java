package io.paasruntime.local.orchestration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** What runs on this machine, read from {@code /proc} and the orchestrator's pid files. */
final class OsProcesses {
    private OsProcesses() {
    }

    /** The process group ids recorded for an app's running instances. */
    static List<Long> recordedGroups(Path dataDir, UUID appId) {
        Path dir = LocalDataLayout.under(dataDir).pidFiles().resolve(appId.toString());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".pid")).map(f -> {
                try {
                    return Long.parseLong(Files.readString(f).trim().split("\\s+")[0]);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded group of one instance, e.g. {@code web.1}. */
    static long recordedGroup(Path dataDir, UUID appId, String instanceId) {
        Path dir = LocalDataLayout.under(dataDir).pidFiles().resolve(appId.toString());
        try (Stream<Path> files = Files.list(dir)) {
            Path file = files.filter(f -> f.getFileName().toString().contains("-" + instanceId + "-")).findFirst().orElseThrow();
            return Long.parseLong(Files.readString(file).trim().split("\\s+")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Live (not zombie) processes in any of {@code groups}. */
    static List<Long> membersOf(List<Long> groups) {
        List<Long> found = new ArrayList<>();
        for (long pid : allPids()) {
            ProcessGroups.stat(pid).ifPresent(f -> {
                if (!f[0].equals("Z") && groups.contains(Long.parseLong(f[2]))) {
                    found.add(pid);
                }
            });
        }
        return found;
    }

    /** Live processes whose command line contains {@code marker}. */
    static List<Long> withMarker(String marker) {
        List<Long> found = new ArrayList<>();
        for (long pid : allPids()) {
            try {
                String cmdline = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
                boolean zombie = ProcessGroups.stat(pid).map(f -> f[0].equals("Z")).orElse(true);
                if (cmdline.contains(marker) && !zombie) {
                    found.add(pid);
                }
            } catch (IOException e) {
                // the process ended while we looked
            }
        }
        return found;
    }

    static void kill(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Long> allPids() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
