package io.paasruntime.local.orchestration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class AppUidsTest {
    @TempDir
    Path dir;

    @Test
    void twoRuntimesOnOneHostNeverHandOutTheSameUid() {
        Path host = dir.resolve("host/next-app-uid");
        AppUids first = new AppUids(dir.resolve("a/uids.properties"), host);
        AppUids second = new AppUids(dir.resolve("b/uids.properties"), host);

        int a1 = first.uidFor(UUID.randomUUID());
        int b1 = second.uidFor(UUID.randomUUID());
        int a2 = first.uidFor(UUID.randomUUID());

        assertThat(a1).isEqualTo(AppUids.FIRST);
        assertThat(List.of(a1, b1, a2)).doesNotHaveDuplicates().allMatch(uid -> uid >= AppUids.FIRST);
    }

    @Test
    void anAppKeepsItsUidAcrossRestarts() {
        Path host = dir.resolve("host/next-app-uid");
        UUID app = UUID.randomUUID();
        int uid = new AppUids(dir.resolve("a/uids.properties"), host).uidFor(app);

        AppUids again = new AppUids(dir.resolve("a/uids.properties"), host);

        assertThat(again.uidFor(app)).isEqualTo(uid);
        assertThat(again.uidFor(UUID.randomUUID())).isNotEqualTo(uid);
    }

    @Test
    void uidsADataDirAlreadyRecordedAreReservedOnTheHostAtStart() throws Exception {
        Path host = dir.resolve("host/next-app-uid");
        Path older = dir.resolve("older/uids.properties");
        Files.createDirectories(older.getParent());
        Files.writeString(older, UUID.randomUUID() + "=200041\n");

        new AppUids(older, host).reserveRecorded();
        int fresh = new AppUids(dir.resolve("new/uids.properties"), host).uidFor(UUID.randomUUID());

        assertThat(fresh).isGreaterThan(200_041);
    }

    @Test
    void aDamagedHostCounterStillNeverReusesThisDataDirsUids() throws Exception {
        Path host = dir.resolve("host/next-app-uid");
        AppUids uids = new AppUids(dir.resolve("a/uids.properties"), host);
        int first = uids.uidFor(UUID.randomUUID());
        Files.writeString(host, "garbage");

        int second = uids.uidFor(UUID.randomUUID());

        assertThat(second).isGreaterThan(first);
    }

    @Test
    void concurrentRuntimesGetDistinctUids() throws Exception {
        Path host = dir.resolve("host/next-app-uid");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            List<Future<?>> runs = new java.util.ArrayList<>();
            for (int r = 0; r < 4; r++) {
                AppUids runtime = new AppUids(dir.resolve("r" + r + "/uids.properties"), host);
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        assertThat(seen.add(runtime.uidFor(UUID.randomUUID()))).isTrue();
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            assertThat(new HashSet<>(seen)).hasSize(100);
        } finally {
            pool.shutdownNow();
        }
    }
}
