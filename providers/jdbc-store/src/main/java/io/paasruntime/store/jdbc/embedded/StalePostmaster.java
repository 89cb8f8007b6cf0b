package io.paasruntime.store.jdbc.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Clears what a runtime killed with {@code kill -9} leaves behind: its PostgreSQL server survives
 * as an orphan still holding the port and {@code postmaster.pid}. Started against that, zonky may
 * "succeed" by talking to the orphan and later signal whatever PID the stale file names.
 *
 * <p>Call only while holding the folder's runtime lock: then any live server of this data
 * directory is an orphan, never another runtime's.
 */
final class StalePostmaster {
    private StalePostmaster() {
    }

    /**
     * Stops a live postgres of {@code pgData}, or deletes {@code postmaster.pid} when the PID it
     * names is dead or belongs to another program.
     */
    static void clear(Path pgData, Duration stopWait) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> isPostgresOf(process.pid(), pgData));
        if (orphan.isPresent()) {
            stop(orphan.get(), stopWait);
        }
        // Dead, stopped just now, a PID since reused by another program, or a torn file: it is stale.
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.getFirst().trim())).filter(pid -> pid > 0);
        } catch (NoSuchFileException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A postmaster's command line is {@code .../postgres -D <data dir> ...}. */
    private static boolean isPostgresOf(long pid, Path pgData) {
        List<String> argv;
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            argv = Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return false;
        }
        if (argv.isEmpty() || !Path.of(argv.getFirst()).getFileName().toString().equals("postgres")) {
            return false;
        }
        int dataFlag = argv.indexOf("-D");
        return dataFlag >= 0 && dataFlag + 1 < argv.size()
                && Path.of(argv.get(dataFlag + 1)).toAbsolutePath().normalize().equals(pgData);
    }

    private static void stop(ProcessHandle postmaster, Duration wait) throws IOException {
        // SIGTERM is PostgreSQL's "smart" shutdown: the orphan's clients died with their JVM, so it
        // finishes at once with a checkpoint, leaving a clean data directory.
        postmaster.destroy();
        try {
            postmaster.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Crash recovery on the next start is safe; a server that ignores SIGTERM is not.
            postmaster.destroyForcibly();
            try {
                postmaster.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception stillThere) {
                throw new IOException("an orphaned PostgreSQL server (pid " + postmaster.pid()
                        + ") of this data directory does not stop", stillThere);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping an orphaned PostgreSQL server", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("could not wait for an orphaned PostgreSQL server to stop", e);
        }
    }
}
