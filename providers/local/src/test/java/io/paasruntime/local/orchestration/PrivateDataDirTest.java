package io.paasruntime.local.orchestration;

import io.paasruntime.local.telemetry.LocalLogStore;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.orchestration.AppProcesses;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.SourceUpload;
import io.paasruntime.spi.store.ReleaseStatus;
import io.paasruntime.spi.telemetry.LogLine;
import io.paasruntime.tck.TestProviderContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A runtime started as root with a data directory its app users cannot enter, as
 * {@code bin/paas-runtime --data-dir $(mktemp -d)} makes (mode 0700): apps still deploy and run,
 * their files go elsewhere, and they still cannot read what is in the data directory.
 */
class PrivateDataDirTest {
    /** Writes to TMPDIR and HOME, tries the data directory, then serves HTTP from the release directory. */
    private static final String START = """
            echo scratch > "$TMPDIR/scratch" && echo notes > "$HOME/notes" && echo "wrote $(cat "$TMPDIR/scratch") $(cat "$HOME/notes") in $(pwd)"
            if cat "$SECRET_FILE"; then echo SECRET-READ; else echo SECRET-DENIED; fi
            if ls "$DATA_DIR" > /dev/null; then echo DATA-LISTED; else echo DATA-DENIED; fi
            exec python3 -m http.server "$PORT" --bind 127.0.0.1
            """;
    private static final String SECRET = "not-for-apps-" + System.nanoTime();

    private Path outer;

    @BeforeEach
    void requireRoot() throws Exception {
        assumeTrue(AppUser.runtimeIsRoot(), "only a runtime running as root runs apps under other uids");
        outer = Files.createTempDirectory("private-data-"); // mode 0700, like mktemp -d
    }

    @AfterEach
    void removeDirs() throws Exception {
        if (outer != null) {
            FileTrees.deleteRecursively(outer);
        }
    }

    @Test
    void asRootWithTheDataDirMadeByMktempAppsRunAndCannotReadIt() throws Exception {
        deploysAndRunsOutsideThePrivateDataDir(outer);
    }

    @Test
    void asRootWithADataDirBelowOneMadeByMktempAppsRunAndCannotReadIt() throws Exception {
        deploysAndRunsOutsideThePrivateDataDir(Files.createDirectory(outer.resolve("data")));
    }

    @Test
    void anAppsDirAppsCannotReachFailsTheReleaseUntilItsModeIsFixedWithoutRestart() throws Exception {
        Path dataDir = Files.createDirectory(outer.resolve("data"));
        Path closed = Files.createDirectory(outer.resolve("closed")); // 0755 below the 0700 outer: o+x missing on outer only
        Path appsDir = closed.resolve("apps");
        Map<String, String> settings = new HashMap<>(LocalOrchestratorTest.SETTINGS);
        settings.put("apps-dir", appsDir.toString());
        try (Orchestrator orchestrator = new LocalOrchestratorFactory().create(
                ProviderConfig.of("orchestration", settings, LocalOrchestratorSettings.KEYS), TestProviderContext.of(dataDir))) {
            AppRef app = TestApps.newApp("reopened");
            PreparedSource source = prepare(orchestrator, TestApps.tgz(TestApps.hello()));
            RecordingListener refused = new RecordingListener();
            orchestrator.apply(TestApps.deployment(app, 1, source, Map.of("worker", 0), Map.of()), refused);
            RecordingListener.Report outcome = refused.awaitOutcome(LocalOrchestratorTest.DEPLOY);
            assertThat(outcome.status()).isEqualTo(ReleaseStatus.FAILED);
            assertThat(outcome.reason()).hasValueSatisfying(reason -> assertThat(reason)
                    .contains("who cannot enter " + outer, "chmod o+x " + outer));

            Files.setPosixFilePermissions(outer, PosixFilePermissions.fromString("rwx--x--x")); // the operator's fix

            RecordingListener accepted = new RecordingListener();
            orchestrator.apply(TestApps.deployment(app, 2, source, Map.of("worker", 0), Map.of()), accepted);
            assertThat(accepted.awaitOutcome(LocalOrchestratorTest.DEPLOY).status()).isEqualTo(ReleaseStatus.SUCCEEDED);
            assertThat(get(orchestrator.webUrl(app).orElseThrow()).statusCode()).isEqualTo(200);
            assertThat(appsDir.resolve("releases/" + app.appId() + "/v2")).isDirectory();
            assertThat(Files.readString(appsDir.resolve(AppTreeLocation.OWNER_FILE)).strip()).isEqualTo(dataDir.toRealPath().toString());
            orchestrator.purge(app);
            assertThat(appsDir.resolve("releases/" + app.appId())).doesNotExist();
            assertThat(appsDir.resolve("run/" + app.appId())).doesNotExist();
        }
    }

    private void deploysAndRunsOutsideThePrivateDataDir(Path dataDir) throws Exception {
        var dataDirMode = Files.getPosixFilePermissions(dataDir);
        Path secret = dataDir.resolve("addons.key");
        Files.writeString(secret, SECRET + "\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--")); // only the directories protect it
        Path tree = AppTreeLocation.DEFAULT_PARENT.resolve("apps-" + AppTreeLocation.shortHash(dataDir.toRealPath().toString()));
        TestProviderContext context = TestProviderContext.of(dataDir);
        AppRef app = TestApps.newApp("private");
        try (Orchestrator orchestrator = LocalOrchestratorTest.create(context)) {
            Path sources = Files.createTempDirectory("private-app-");
            PreparedSource source;
            try {
                source = prepare(orchestrator, TestApps.tgz(TestApps.write(sources, Map.of("Procfile", "web: sh start.sh\n", "start.sh", START))));
            } finally {
                FileTrees.deleteRecursively(sources);
            }
            RecordingListener listener = new RecordingListener();

            orchestrator.apply(TestApps.deployment(app, 1, source, Map.of(),
                    Map.of("SECRET_FILE", secret.toString(), "DATA_DIR", dataDir.toString())), listener);

            RecordingListener.Report outcome = listener.awaitOutcome(LocalOrchestratorTest.DEPLOY);
            assertThat(outcome.status()).as("release: %s", outcome.reason()).isEqualTo(ReleaseStatus.SUCCEEDED);
            AppProcesses.Instance web1 = orchestrator.processes(app).types().getFirst().instances().getFirst();
            assertThat(web1.id()).isEqualTo("web.1");
            assertThat(web1.state()).isEqualTo("up");
            assertThat(get(orchestrator.webUrl(app).orElseThrow()).statusCode()).isEqualTo(200);

            LocalLogStore logs = LocalLogStore.shared(context);
            Poll.until(Duration.ofSeconds(5), "the app's probes are logged", () -> messages(logs, app).contains("DATA-DENIED"));
            String output = String.join("\n", messages(logs, app));
            assertThat(output).contains("wrote scratch notes in " + tree.resolve("releases/" + app.appId() + "/v1"), "SECRET-DENIED")
                    .doesNotContain(SECRET, "SECRET-READ", "DATA-LISTED");
            assertThat(Files.getPosixFilePermissions(outer)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(dataDir)).isEqualTo(dataDirMode);
            assertThat(Files.getPosixFilePermissions(tree)).isEqualTo(PosixFilePermissions.fromString("rwx--x--x"));
            assertThat((Integer) Files.getAttribute(tree, "unix:uid")).isZero();
            assertThat(dataDir.resolve("local/releases")).doesNotExist();

            orchestrator.purge(app);

            assertThat(tree.resolve("releases/" + app.appId())).doesNotExist();
            assertThat(tree.resolve("run/" + app.appId())).doesNotExist();
        }
        assertThat(tree).as("removed when the orchestrator closes").doesNotExist();
    }

    private static PreparedSource prepare(Orchestrator orchestrator, byte[] tgz) {
        return orchestrator.prepare(new SourceUpload.Artifact(new ByteArrayInputStream(tgz), 0));
    }

    private static List<String> messages(LocalLogStore logs, AppRef app) {
        return logs.recent(app.appId(), 1000).stream().map(LogLine::message).toList();
    }

    private static HttpResponse<String> get(URI url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
