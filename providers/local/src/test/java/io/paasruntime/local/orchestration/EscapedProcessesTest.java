package io.paasruntime.local.orchestration;

import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.store.ReleaseStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app's process can leave its instance's process group and session ({@code setsid}, a double
 * fork), so signalling the group does not reach it. As root every app has a uid of its own, and
 * stopping an app ends every process of that uid: nothing of a stopped or deleted app keeps
 * running (holding ports, memory, CPU) under the runtime's name.
 */
class EscapedProcessesTest {
    @Test
    void aProcessThatLeftItsInstancesSessionEndsWhenTheAppIsStopped() throws Exception {
        try (FreshOrchestrator runtime = FreshOrchestrator.asRoot("escaped-processes-")) {
            Orchestrator orchestrator = runtime.orchestrator;
            AppRef app = TestApps.newApp("escaper");
            String marker = "sleep 7" + (System.nanoTime() % 100_000); // an argv no other process has
            PreparedSource source = runtime.prepare(Map.of("Procfile",
                    "worker: /usr/bin/setsid /bin/" + marker + " </dev/null >/dev/null 2>&1 & exec sleep 600\n"));
            RecordingListener listener = new RecordingListener();
            orchestrator.apply(TestApps.deployment(app, 1, source, Map.of(), Map.of()), listener);
            assertThat(listener.awaitOutcome(LocalOrchestratorTest.DEPLOY).status()).isEqualTo(ReleaseStatus.SUCCEEDED);
            Poll.until(Duration.ofSeconds(10), "the escaped process runs", () -> !withArgv(marker).isEmpty());
            long escaped = withArgv(marker).getFirst();
            assertThat(ProcessGroups.stat(escaped).map(f -> f[3]).orElseThrow()).as("it leads a session of its own")
                    .isEqualTo(Long.toString(escaped));

            try {
                orchestrator.stop(app);

                Poll.until(Duration.ofSeconds(10), "the escaped process is gone", () -> withArgv(marker).isEmpty());
            } finally {
                withArgv(marker).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
                orchestrator.purge(app);
            }
        }
    }

    /** Live processes whose command line is exactly {@code argv} (words separated by spaces). */
    private static List<Long> withArgv(String argv) {
        List<Long> found = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try {
                    String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ').strip();
                    if (cmdline.equals("/bin/" + argv) || cmdline.equals(argv)) {
                        long pid = Long.parseLong(proc.getFileName().toString());
                        if (ProcessGroups.stat(pid).map(f -> !f[0].equals("Z")).orElse(false)) {
                            found.add(pid);
                        }
                    }
                } catch (IOException e) {
                    // exited meanwhile
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }
}
