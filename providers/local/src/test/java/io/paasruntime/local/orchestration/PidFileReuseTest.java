package io.paasruntime.local.orchestration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pid files of an earlier run name process groups by number. Once that group is gone the
 * number is free again (after a reboot, or pids wrapping around while the runtime was down): an
 * unrelated program that now leads a session under that number is not the app's, and the next
 * start must not signal it.
 */
class PidFileReuseTest {
    @TempDir
    Path root;
    private Process stranger;

    @AfterEach
    void endStranger() {
        if (stranger != null) {
            stranger.destroyForcibly();
        }
    }

    @Test
    void aSessionLeaderThatGotTheRecordedPidLaterIsLeftAlone() throws Exception {
        stranger = new ProcessBuilder(InstanceLauncher.tool("setsid"), "sleep", "600").start(); // leads its own session
        long pid = stranger.pid();
        Poll.until(Duration.ofSeconds(5), "the stranger leads its session",
                () -> ProcessGroups.stat(pid).map(f -> Long.parseLong(f[3]) == pid).orElse(false));
        long ticks = ProcessGroups.startTicks(pid).orElseThrow();
        PidFiles files = new PidFiles(root.resolve("pids"));
        // what an earlier run recorded for its instance that had this pid, started before the stranger
        files.record(UUID.randomUUID(), "v1-web.1-1", pid, ticks - 1);

        int reaped = files.reapOrphans(Duration.ofSeconds(2));

        assertThat(reaped).isZero();
        assertThat(stranger.isAlive()).isTrue();
    }
}
