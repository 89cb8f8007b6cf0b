package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * Each app's own user id, chosen once from {@link #FIRST} upward and kept in {@code uids.properties}.
 * When the runtime is root every app runs under its own uid (no {@code /etc/passwd} entry is needed),
 * so one tenant's app cannot read another's {@code /proc/<pid>/environ} — its secret config vars —,
 * signal its processes or enter its directories.
 *
 * <p>Uids are a host-wide resource: two runtimes on one machine (two data directories) must never
 * hand out the same one, or an app of one could read the other's secrets. So new uids come from one
 * counter per host ({@link #HOST_COUNTER}, locked while it is read and bumped), which every runtime
 * also raises past the uids its own data directory already recorded when it starts. Thread-safe.
 */
final class AppUids {
    /** Far above the ids distributions hand out to people and system users. */
    static final int FIRST = 200_000;
    /** The next uid free on this host, shared by every runtime on it. */
    static final Path HOST_COUNTER = AppTreeLocation.DEFAULT_PARENT.resolve("next-app-uid");

    private static final Object HOST_LOCK = new Object();

    private final AppNumbers uids;
    private final Path hostCounter;

    /** Uids for the apps of the data directory whose record is {@code file}, unique on this host. */
    AppUids(Path file) {
        this(file, HOST_COUNTER);
    }

    AppUids(Path file, Path hostCounter) {
        this.uids = new AppNumbers(file, "user id each app's processes run as when the runtime is root");
        this.hostCounter = hostCounter;
    }

    /**
     * Raises the host counter past the uids this data directory already recorded (an earlier version
     * counted per data directory), so no other runtime hands them out again. Called at start, as root.
     */
    synchronized void reserveRecorded() {
        nextFromHost(highestRecorded() + 1, false);
    }

    /** The uid of {@code appId}, if it was given one. */
    synchronized java.util.OptionalInt known(UUID appId) {
        Integer known = uids.all().get(appId);
        return known == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(known);
    }

    /** Every uid this data directory gave an app. */
    synchronized java.util.Collection<Integer> recorded() {
        return java.util.List.copyOf(uids.all().values());
    }

    synchronized int uidFor(UUID appId) {
        Integer known = uids.all().get(appId);
        if (known != null) {
            return known;
        }
        int uid = nextFromHost(highestRecorded() + 1, true);
        uids.put(appId, uid);
        return uid;
    }

    private int highestRecorded() {
        return uids.all().values().stream().mapToInt(Integer::intValue).max().orElse(FIRST - 1);
    }

    /**
     * Under the host counter's lock: the next free uid, at least {@code atLeast}. With {@code take} it
     * is handed out (the counter moves past it); without, the counter is only raised to {@code atLeast}.
     */
    private int nextFromHost(int atLeast, boolean take) {
        // the file lock keeps other processes out; runtimes in this JVM (tests start several) queue here,
        // since one JVM may not hold two locks on one file
        synchronized (HOST_LOCK) {
            return lockedNextFromHost(atLeast, take);
        }
    }

    private int lockedNextFromHost(int atLeast, boolean take) {
        try {
            Files.createDirectories(hostCounter.getParent());
            try (FileChannel channel = FileChannel.open(hostCounter, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                Files.setPosixFilePermissions(hostCounter, PosixFilePermissions.fromString("rw-------"));
                int next = Math.max(atLeast, read(channel));
                int after = take ? Math.addExact(next, 1) : next;
                byte[] text = (after + "\n").getBytes(StandardCharsets.US_ASCII);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(text), 0);
                channel.force(true);
                return next;
            }
        } catch (IOException | ArithmeticException e) {
            throw ProviderException.unavailable("cannot take an app uid from " + hostCounter + ": " + e.getMessage(), e);
        }
    }

    private static int read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        try {
            return text.isEmpty() ? FIRST : Math.max(FIRST, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return FIRST; // damaged: the local records and the atLeast floor still keep this runtime's uids apart
        }
    }
}
