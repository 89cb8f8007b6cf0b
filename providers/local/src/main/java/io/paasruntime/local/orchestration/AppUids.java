package io.paasruntime.local.orchestration;

import java.nio.file.Path;
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

    private final AppNumbers uids;

    AppUids(Path file) {
        this.uids = new AppNumbers(file, "user id each app's processes run as when the runtime is root");
    }

    synchronized int uidFor(UUID appId) {
        Integer known = uids.all().get(appId);
        if (known != null) {
            return known;
        }
        int uid = uids.all().values().stream().mapToInt(Integer::intValue).max().orElse(FIRST - 1) + 1;
        uids.put(appId, uid);
        return uid;
    }
}
