package io.paasruntime.local.orchestration;

import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.store.ReleaseStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the data directory lets others through, the apps' files are kept in {@code <dataDir>/local}
 * itself, which every app uid can then enter (and each app learns the path from its own HOME). The
 * runtime's records there (which app has which uid and router port, the pid files naming every
 * app) are the runtime's alone: an app learns no other app's id from them.
 */
class RuntimeRecordsPrivacyTest {
    @Test
    void anAppsUidCannotReadTheUidAndRouteRecordsNorListThePidFiles() throws Exception {
        try (FreshOrchestrator runtime = FreshOrchestrator.asRoot("runtime-records-")) {
            AppRef app = TestApps.newApp("records");
            PreparedSource source = runtime.prepare(Map.of("Procfile", "web: exec sleep 600\nworker: exec sleep 600\n"));
            RecordingListener listener = new RecordingListener();
            runtime.orchestrator.apply(TestApps.deployment(app, 1, source, Map.of("web", 0), Map.of()), listener);
            assertThat(listener.awaitOutcome(LocalOrchestratorTest.DEPLOY).status()).isEqualTo(ReleaseStatus.SUCCEEDED);
            Path local = runtime.dataDir.resolve("local");
            int otherUid = new AppUids(local.resolve("uids.properties")).uidFor(java.util.UUID.randomUUID()); // another app's
            try {
                assertThat(local.resolve("uids.properties")).exists();
                assertThat(local.resolve("routes.properties")).exists();
                assertThat(local.resolve("run/pids")).isDirectory();

                assertDenied(otherUid, "cat", local.resolve("uids.properties").toString());
                assertDenied(otherUid, "cat", local.resolve("routes.properties").toString());
                assertDenied(otherUid, "ls", local.resolve("run/pids").toString());
            } finally {
                runtime.orchestrator.purge(app);
            }
        }
    }

    private static void assertDenied(int uid, String... command) throws Exception {
        List<String> argv = new ArrayList<>(List.of(InstanceLauncher.tool("setpriv"), "--reuid=" + uid, "--regid=65534", "--clear-groups", "--"));
        argv.addAll(List.of(command));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as("%s as uid %d: %s", String.join(" ", command), uid, output).isNotZero();
        assertThat(output).contains("Permission denied");
    }
}
