package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderException;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Each app's own user id, chosen once from {@link #FIRST} upward and kept in {@code uids.properties}.
 * When the runtime is root every app runs under its own uid (no {@code /etc/passwd} entry is needed),
 * so one tenant's app cannot read another's {@code /proc/<pid>/environ} — its secret config vars —,
 * signal its processes or enter its directories. Thread-safe.
 */
final class AppUids {
    /** Far above the ids distributions hand out to people and system users. */
    static final int FIRST = 200_000;

    private final Path file;
    private final Map<UUID, Integer> uids = new HashMap<>();

    AppUids(Path file) {
        this.file = file;
        load();
    }

    synchronized int uidFor(UUID appId) {
        Integer known = uids.get(appId);
        if (known != null) {
            return known;
        }
        int uid = uids.values().stream().mapToInt(Integer::intValue).max().orElse(FIRST - 1) + 1;
        uids.put(appId, uid);
        save();
        return uid;
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw ProviderException.internal("cannot read " + file + ": " + e.getMessage(), e);
        }
        props.forEach((key, value) -> {
            try {
                uids.put(UUID.fromString(key.toString()), Integer.parseInt(value.toString().trim()));
            } catch (IllegalArgumentException e) {
                // not appId=uid: skip rather than refuse to start
            }
        });
    }

    private void save() {
        Properties props = new Properties();
        uids.forEach((app, uid) -> props.setProperty(app.toString(), uid.toString()));
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temp)) {
                props.store(out, "user id each app's processes run as when the runtime is root");
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw ProviderException.internal("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
