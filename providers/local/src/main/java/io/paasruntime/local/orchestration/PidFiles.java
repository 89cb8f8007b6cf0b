package io.paasruntime.local.orchestration;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * One file per running instance, {@code run/pids/<appId>/<slot>.pid}, holding its process group id
 * and start time. If the runtime dies without stopping its apps (a {@code kill -9}), the next start
 * finds these files and ends the groups that are still alive, so no orphan keeps running or holds
 * a port. The start time guards against a recycled pid. Thread-safe (one file per slot).
 */
final class PidFiles {
    private static final System.Logger LOG = System.getLogger(PidFiles.class.getName());

    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> PRIVATE =
            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------");

    private final Path root;

    PidFiles(Path root) {
        this.root = root;
    }

    void record(UUID appId, String slot, long pid, long startTicks) throws IOException {
        Path dir = root.resolve(appId.toString());
        Files.createDirectories(dir);
        // the runtime's alone: run/ may be the apps' own run root (they pass through it), and these name every app
        Files.setPosixFilePermissions(root, PRIVATE);
        Files.setPosixFilePermissions(dir, PRIVATE);
        Path temp = dir.resolve(slot + ".pid.tmp");
        Files.writeString(temp, pid + " " + startTicks + "\n");
        Files.move(temp, dir.resolve(slot + ".pid"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void forget(UUID appId, String slot) {
        try {
            Files.deleteIfExists(root.resolve(appId.toString()).resolve(slot + ".pid"));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete pid file of " + appId + "/" + slot + ": " + e.getMessage());
        }
    }

    /**
     * Ends every recorded process group that is still alive (SIGTERM, then SIGKILL after
     * {@code grace}) and removes all pid files. Returns how many groups were alive.
     */
    int reapOrphans(Duration grace) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        List<Long> alive = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> apps = Files.newDirectoryStream(root)) {
            for (Path app : apps) {
                if (!Files.isDirectory(app)) {
                    continue;
                }
                try (DirectoryStream<Path> pids = Files.newDirectoryStream(app, "*.pid")) {
                    for (Path file : pids) {
                        files.add(file);
                        recordedGroup(file).ifPresent(alive::add);
                    }
                }
            }
        }
        alive.forEach(pgid -> ProcessGroups.signal(pgid, "TERM"));
        Instant deadline = Instant.now().plus(grace);
        for (long pgid : alive) {
            if (!ProcessGroups.awaitGone(pgid, deadline)) {
                ProcessGroups.signal(pgid, "KILL");
                ProcessGroups.awaitGone(pgid, Instant.now().plusSeconds(5));
            }
        }
        if (!alive.isEmpty()) {
            LOG.log(Level.INFO, "stopped " + alive.size() + " app process group(s) left by an earlier run");
        }
        FileTrees.deleteRecursively(root);
        return alive.size();
    }

    /** The group of a pid file if its leader still runs (same start time) or its members do. */
    private static OptionalLong recordedGroup(Path file) {
        try {
            String[] parts = Files.readString(file).trim().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            long ticks = Long.parseLong(parts[1]);
            OptionalLong now = ProcessGroups.startTicks(pid);
            if (now.isPresent()) {
                // Linux hands out a pid again only once no process uses it as its own, group or
                // session id: a process under that number that started at another time means our
                // group and session are gone, and the number now belongs to someone else's.
                return now.getAsLong() == ticks ? OptionalLong.of(pid) : OptionalLong.empty();
            }
            // The leader is gone; its children may live on in its session, started after it.
            return sessionMemberAlive(pid, ticks) ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static boolean sessionMemberAlive(long sid, long leaderTicks) throws IOException {
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                var f = ProcessGroups.stat(Long.parseLong(proc.getFileName().toString()));
                if (f.isPresent() && !f.get()[0].equals("Z") && Long.parseLong(f.get()[2]) == sid
                        && Long.parseLong(f.get()[3]) == sid && Long.parseLong(f.get()[19]) >= leaderTicks) {
                    return true;
                }
            }
        }
        return false;
    }
}
