package io.paasruntime.local.orchestration;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Facts about and signals to the process groups app instances run in. Every instance is started
 * through {@code setsid}, so its first process leads a session and group whose id is its pid, and
 * everything it forks stays in that group: signalling the group reaches the whole tree.
 */
final class ProcessGroups {
    private static final Path PROC = Path.of("/proc");

    private ProcessGroups() {
    }

    /** Field 22 of {@code /proc/<pid>/stat}: when the process started, in clock ticks since boot. */
    static OptionalLong startTicks(long pid) {
        return stat(pid).map(f -> OptionalLong.of(Long.parseLong(f[19]))).orElse(OptionalLong.empty());
    }

    /** Whether any live (not zombie) process is in group {@code pgid}. */
    static boolean groupAlive(long pgid) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path dir : dirs) {
                var fields = stat(Long.parseLong(dir.getFileName().toString()));
                if (fields.isPresent() && !fields.get()[0].equals("Z") && Long.parseLong(fields.get()[2]) == pgid) {
                    return true;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }

    /** Sends {@code signal} ({@code TERM}, {@code KILL}) to every process of group {@code pgid}. */
    static void signal(long pgid, String signal) {
        if (pgid <= 1) {
            throw new IllegalArgumentException("refusing to signal process group " + pgid);
        }
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, "--", "-" + pgid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends SIGKILL to every process running as {@code uid} (real, effective, saved or file-system
     * uid), again and again until none is left or {@code deadline} passes; returns how many it
     * signalled. For an app's own uid only: its processes may have left their instance's group and
     * session ({@code setsid}, a double fork), where {@link #signal} does not reach them.
     */
    static int killUid(int uid, Instant deadline) {
        if (uid < AppUids.FIRST) {
            throw new IllegalArgumentException("refusing to kill the processes of uid " + uid);
        }
        int killed = 0;
        while (true) {
            java.util.List<Long> found = ofUid(uid);
            if (found.isEmpty() || Instant.now().isAfter(deadline)) {
                return killed;
            }
            for (long pid : found) {
                if (ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false)) {
                    killed++;
                }
            }
            Waiting.until(() -> ofUid(uid).isEmpty(), Instant.now().plusMillis(200), 10);
        }
    }

    /** Live (not zombie) processes with {@code uid} among the uids of their {@code /proc/<pid>/status}. */
    private static java.util.List<Long> ofUid(int uid) {
        java.util.List<Long> found = new java.util.ArrayList<>();
        String id = Integer.toString(uid);
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path dir : dirs) {
                try {
                    for (String line : Files.readAllLines(dir.resolve("status"))) {
                        if (line.startsWith("State:") && line.contains("Z")) {
                            break;
                        }
                        if (line.startsWith("Uid:")) {
                            if (java.util.Arrays.asList(line.substring(4).strip().split("\\s+")).contains(id)) {
                                found.add(Long.parseLong(dir.getFileName().toString()));
                            }
                            break;
                        }
                    }
                } catch (IOException | NumberFormatException e) {
                    // exited meanwhile
                }
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    /** Polls until group {@code pgid} has no live process or {@code deadline} passes. */
    static boolean awaitGone(long pgid, Instant deadline) {
        return Waiting.until(() -> !groupAlive(pgid), deadline, 20);
    }

    /**
     * The fields of {@code /proc/<pid>/stat} after the command name: index 0 is the state
     * (field 3), 2 the group (field 5), 3 the session (field 6), 19 the start time (field 22).
     */
    static java.util.Optional<String[]> stat(long pid) {
        try {
            String line = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            int close = line.lastIndexOf(')');
            return java.util.Optional.of(line.substring(close + 2).split(" "));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
