package io.paasruntime.local.orchestration;

import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.SourceUpload;
import io.paasruntime.spi.store.ReleaseStatus;
import io.paasruntime.tck.TestProviderContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The runtime's own life: shutting down, and starting again after it was killed with SIGKILL. */
class RuntimeLifecycleTest {
    private Path dataDir;

    @BeforeEach
    void createDataDir() throws Exception {
        dataDir = Files.createTempDirectory("local-lifecycle-");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void removeDataDir() throws Exception {
        FileTrees.deleteRecursively(dataDir);
    }

    @Test
    void closeStopsEveryProcessOfEveryApp() throws Exception {
        Orchestrator orchestrator = LocalOrchestratorTest.create(TestProviderContext.of(dataDir));
        PreparedSource source = orchestrator.prepare(new SourceUpload.Artifact(new ByteArrayInputStream(TestApps.tgz(TestApps.hello())), 0));
        List<AppRef> apps = List.of(TestApps.newApp("one"), TestApps.newApp("two"));
        for (AppRef app : apps) {
            RecordingListener listener = new RecordingListener();
            orchestrator.apply(TestApps.deployment(app, 1, source, Map.of("web", 2), Map.of()), listener);
            assertThat(listener.awaitOutcome(LocalOrchestratorTest.DEPLOY).status()).isEqualTo(ReleaseStatus.SUCCEEDED);
        }
        List<Long> groups = new ArrayList<>();
        apps.forEach(app -> groups.addAll(OsProcesses.recordedGroups(dataDir, app.appId())));
        assertThat(groups).hasSize(6);
        assertThat(OsProcesses.membersOf(groups)).hasSizeGreaterThanOrEqualTo(6);
        long began = System.nanoTime();

        orchestrator.close();

        System.out.println("figure: close() with 6 instances: " + (System.nanoTime() - began) / 1_000_000 + " ms");
        assertThat(OsProcesses.membersOf(groups)).isEmpty();
        apps.forEach(app -> assertThat(OsProcesses.recordedGroups(dataDir, app.appId())).isEmpty());
    }

    @Test
    void anAppWhosePortAnotherProgramTookWhileItWasDownMovesToANewPort() throws Exception {
        AppRef app = TestApps.newApp("moved");
        URI before;
        Orchestrator first = LocalOrchestratorTest.create(TestProviderContext.of(dataDir));
        PreparedSource source = first.prepare(new SourceUpload.Artifact(new ByteArrayInputStream(TestApps.tgz(TestApps.hello())), 0));
        try {
            RecordingListener listener = new RecordingListener();
            first.apply(TestApps.deployment(app, 1, source, Map.of("web", 1), Map.of()), listener);
            assertThat(listener.awaitOutcome(LocalOrchestratorTest.DEPLOY).status()).isEqualTo(ReleaseStatus.SUCCEEDED);
            before = first.webUrl(app).orElseThrow();
        } finally {
            first.close();
        }
        try (java.net.ServerSocket squatter = new java.net.ServerSocket(before.getPort(), 1,
                java.net.InetAddress.getLoopbackAddress())) {
            Orchestrator next = LocalOrchestratorTest.create(TestProviderContext.of(dataDir));
            try {
                RecordingListener listener = new RecordingListener();
                next.apply(TestApps.deployment(app, 1, source, Map.of("web", 1), Map.of()), listener);
                assertThat(listener.awaitOutcome(LocalOrchestratorTest.DEPLOY).status()).isEqualTo(ReleaseStatus.SUCCEEDED);
                URI after = next.webUrl(app).orElseThrow();
                assertThat(after.getPort()).isNotEqualTo(squatter.getLocalPort());
                var response = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(after).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
            } finally {
                next.close();
            }
        }
    }

    @Test
    void aNewRuntimeEndsTheProcessesOfOneKilledWithSigkill() throws Exception {
        endsTheOrphansOfAKilledRuntime(dataDir, dataDir.resolve("local/run"));
    }

    @Test
    void aNewRuntimeEndsTheOrphansOfOneKilledWithSigkillWhoseAppFilesAreOutsideAPrivateDataDir() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(AppUser.runtimeIsRoot(), "app files leave the data dir only for other uids");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------")); // as mktemp -d makes it
        Path privateDataDir = Files.createDirectory(dataDir.resolve("data"));
        Path tree = AppTreeLocation.DEFAULT_PARENT.resolve("apps-" + AppTreeLocation.shortHash(privateDataDir.toRealPath().toString()));
        endsTheOrphansOfAKilledRuntime(privateDataDir, tree.resolve("run"));
        assertThat(tree).as("removed when the next runtime closed").doesNotExist();
    }

    private static void endsTheOrphansOfAKilledRuntime(Path dataDir, Path runDirs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process runtime = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OrphanMaker.class.getName(),
                dataDir.toString(), TestApps.hello().toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(runtime.getInputStream()));
            String ready = CompletableFuture.supplyAsync(() -> out.lines().filter(l -> l.startsWith("READY ")).findFirst().orElse(""))
                    .get(60, TimeUnit.SECONDS);
            String[] parts = ready.split(" ");
            assertThat(parts).as("child runtime said: %s", ready).hasSize(4);
            assertThat(parts[3]).isEqualTo("SUCCEEDED");
            UUID appId = UUID.fromString(parts[1]);
            List<Long> groups = OsProcesses.recordedGroups(dataDir, appId);
            assertThat(groups).hasSize(2);

            runtime.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
            assertThat(runtime.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(OsProcesses.membersOf(groups)).as("orphans after SIGKILL").isNotEmpty();
            assertThat(runDirs.resolve(appId.toString())).as("the instances' HOME and TMPDIR").isDirectory();

            long began = System.nanoTime();
            Orchestrator next = LocalOrchestratorTest.create(TestProviderContext.of(dataDir));
            long reapMs = (System.nanoTime() - began) / 1_000_000;
            try {
                assertThat(OsProcesses.membersOf(groups)).as("orphans after the next start").isEmpty();
                assertThat(runDirs).doesNotExist();
                assertThat(next.processes(new AppRef(UUID.randomUUID(), appId, "orphans")).types()).isEmpty();
                System.out.println("figure: start-up with orphans of a killed runtime: " + reapMs + " ms; url was " + URI.create(parts[2]));
            } finally {
                next.close();
            }
        } finally {
            runtime.destroyForcibly();
        }
    }
}
