package io.paasruntime.local.orchestration;

import io.paasruntime.local.telemetry.LocalLogStore;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppProcesses;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Deployment;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.SourceUpload;
import io.paasruntime.spi.store.ReleaseStatus;
import io.paasruntime.spi.telemetry.LogLine;
import io.paasruntime.tck.TestProviderContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local orchestrator running real processes: the example app and small shell apps. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalOrchestratorTest {
    static final Duration DEPLOY = Duration.ofSeconds(20);
    static final Map<String, String> SETTINGS = Map.of("health-timeout", "5s", "grace-period", "2s");

    private Path dataDir;
    private Path apps;
    private TestProviderContext context;
    private Orchestrator orchestrator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    void start() throws IOException {
        dataDir = Files.createTempDirectory("local-orchestrator-");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x")); // apps run as another user
        apps = Files.createDirectories(dataDir.resolve("sources"));
        context = TestProviderContext.of(dataDir);
        orchestrator = create(context);
    }

    @AfterAll
    void stop() throws Exception {
        orchestrator.close();
        FileTrees.deleteRecursively(dataDir);
    }

    static Orchestrator create(TestProviderContext context) {
        return new LocalOrchestratorFactory().create(ProviderConfig.of("orchestration", SETTINGS, LocalOrchestratorSettings.KEYS), context);
    }

    @Test
    void deploysTheExampleAppWithWebAndWorkerAndItsWebUrlAnswers() throws Exception {
        AppRef app = TestApps.newApp("hello");
        PreparedSource source = prepare(TestApps.tgz(TestApps.hello()));
        RecordingListener listener = new RecordingListener();
        long began = System.nanoTime();

        orchestrator.apply(TestApps.deployment(app, 1, source, Map.of(), Map.of("GREETING", "hi there", "API_TOKEN", "s3cr3t-value")), listener);
        URI url = orchestrator.webUrl(app).orElseThrow();
        assertThat(listener.awaitOutcome(DEPLOY).status()).isEqualTo(ReleaseStatus.SUCCEEDED);
        String hello = get(url.resolve("/"));
        long answeredMs = (System.nanoTime() - began) / 1_000_000;

        assertThat(listener.statuses()).containsExactly(ReleaseStatus.RUNNING, ReleaseStatus.SUCCEEDED);
        assertThat(url.toString()).matches("http://127\\.0\\.0\\.1:20\\d{3}");
        assertThat(hello).isEqualTo("Hello from web.1\n");
        assertThat(get(url.resolve("/config"))).isEqualTo("hi there\n");
        System.out.println("figure: deploy of the example app to web answering via web_url: " + answeredMs + " ms");

        Poll.until(Duration.ofSeconds(10), "worker.1 is up", () -> state(app, "worker", "worker.1").equals("up"));
        AppProcesses processes = orchestrator.processes(app);
        assertThat(processes.types()).extracting(AppProcesses.ProcessGroup::type).containsExactly("web", "worker");
        AppProcesses.ProcessGroup web = processes.types().getFirst();
        assertThat(web.command()).isEqualTo("python3 server.py");
        assertThat(web.replicas()).isEqualTo(1);
        assertThat(web.size()).isEqualTo("small");
        AppProcesses.Instance web1 = web.instances().getFirst();
        assertThat(web1.id()).isEqualTo("web.1");
        assertThat(web1.state()).isEqualTo("up");
        assertThat(web1.restarts()).isZero();
        assertThat(web1.startedAt()).isPresent();
        assertThat(web1.port()).hasValueSatisfying(port -> assertThat(port).isBetween(21000, 29999));
        assertThat(get(URI.create("http://127.0.0.1:" + web1.port().get() + "/"))).isEqualTo("Hello from web.1\n");
        assertThat(processes.types().get(1).instances()).extracting(AppProcesses.Instance::id, AppProcesses.Instance::port)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("worker.1", Optional.empty()));

        LocalLogStore logs = LocalLogStore.shared(context);
        Poll.until(Duration.ofSeconds(5), "request and worker lines are in the log", () -> {
            List<LogLine> lines = logs.recent(app.appId(), 1000);
            return lines.stream().anyMatch(l -> l.process().equals("web") && l.instance().equals("web.1")
                    && l.stream().equals("stdout") && l.message().contains("\"GET /config HTTP/1.1\" 200"))
                    && lines.stream().anyMatch(l -> l.instance().equals("worker.1") && l.message().startsWith("worker tick "));
        });
        List<LogLine> lines = logs.recent(app.appId(), 1000);
        assertThat(lines).anyMatch(l -> l.process().equals("runtime") && l.message().equals("v1 is serving"));
        assertThat(lines).noneMatch(l -> l.message().contains("s3cr3t-value"));
    }

    @Test
    void asRootEachAppRunsUnderItsOwnUidAndOnlyItEntersItsReleaseDirectory() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(AppUser.runtimeIsRoot(), "app uids are used only when the runtime is root");
        PreparedSource source = prepare(TestApps.tgz(TestApps.write(apps, Map.of("Procfile", "probe: exec sleep 600\n"))));
        List<AppRef> two = List.of(TestApps.newApp("tenant-a"), TestApps.newApp("tenant-b"));
        List<Integer> uids = new java.util.ArrayList<>();
        for (AppRef app : two) {
            RecordingListener listener = new RecordingListener();
            orchestrator.apply(TestApps.deployment(app, 1, source, Map.of(), Map.of("SECRET", "for-" + app.appName())), listener);
            assertThat(listener.awaitOutcome(DEPLOY).status()).isEqualTo(ReleaseStatus.SUCCEEDED);
            long pid = OsProcesses.recordedGroups(dataDir, app.appId()).getFirst();
            int uid = (Integer) java.nio.file.Files.getAttribute(java.nio.file.Path.of("/proc/" + pid), "unix:uid");
            uids.add(uid);
            java.nio.file.Path release = dataDir.resolve("local/releases/" + app.appId() + "/v1");
            assertThat((Integer) java.nio.file.Files.getAttribute(release, "unix:uid")).isEqualTo(uid);
            assertThat(java.nio.file.Files.getPosixFilePermissions(release))
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
        assertThat(uids).doesNotHaveDuplicates().allSatisfy(uid -> assertThat(uid).isGreaterThanOrEqualTo(AppUids.FIRST));
        two.forEach(orchestrator::purge);
    }

    @Test
    void runsAppsWithTheirOwnHomeTheSizeLimitsAndAsTheAppUserWhenRoot() {
        AppRef app = TestApps.newApp("limits");
        PreparedSource source = prepare(TestApps.tgz(TestApps.write(apps, Map.of("Procfile",
                "probe: echo \"user=$(id -un) nofile=$(ulimit -n) data=$(ulimit -d) home=$HOME ps=$PS port=${PORT:-none} release=$PAAS_RELEASE\"; exec sleep 600\n"))));
        RecordingListener listener = new RecordingListener();

        orchestrator.apply(TestApps.deployment(app, 3, source, Map.of(), Map.of()), listener);

        assertThat(listener.awaitOutcome(DEPLOY).status()).isEqualTo(ReleaseStatus.SUCCEEDED);
        LocalLogStore logs = LocalLogStore.shared(context);
        String line = logs.recent(app.appId(), 100).stream().filter(l -> l.message().startsWith("user="))
                .findFirst().orElseThrow().message();
        // as root, each app runs under its own uid from 200000 up, which has no name in /etc/passwd
        String expectedUser = AppUser.runtimeIsRoot() ? "user=2" : "user=" + System.getProperty("user.name");
        assertThat(line).contains(expectedUser, "nofile=1024", "data=524288", "ps=probe.1", "port=none", "release=v3")
                .containsPattern("home=" + dataDir + "/local/run/" + app.appId() + "/v3-probe\\.1-\\d+/home");
        assertThat(orchestrator.webUrl(app)).isEmpty();
        orchestrator.purge(app);
    }

    @Test
    void aReleaseWhoseWebNeverOpensItsPortFailsAndThePreviousReleaseKeepsServing() {
        AppRef app = TestApps.newApp("keeps-serving");
        deploy(app, 1, prepare(TestApps.tgz(TestApps.hello())), Map.of("worker", 0));
        URI url = orchestrator.webUrl(app).orElseThrow();
        String marker = "never-listens-" + UUID.randomUUID();
        PreparedSource broken = prepare(TestApps.tgz(TestApps.write(apps, Map.of("Procfile", "web: sleep 600 # " + marker + "\n"))));
        RecordingListener listener = new RecordingListener();

        orchestrator.apply(TestApps.deployment(app, 2, broken, Map.of(), Map.of()), listener);
        Poll.until(Duration.ofSeconds(5), "v2's web process runs", () -> !OsProcesses.withMarker(marker).isEmpty());
        assertThat(get(url.resolve("/"))).isEqualTo("Hello from web.1\n"); // v1 serves while v2 is tried
        RecordingListener.Report outcome = listener.awaitOutcome(DEPLOY);

        assertThat(outcome.status()).isEqualTo(ReleaseStatus.FAILED);
        assertThat(outcome.reason()).hasValueSatisfying(r -> assertThat(r).contains("web.1 did not accept connections on its PORT"));
        assertThat(get(url.resolve("/"))).isEqualTo("Hello from web.1\n");
        assertThat(orchestrator.webUrl(app)).contains(url);
        Poll.until(Duration.ofSeconds(5), "v2's processes are gone", () -> OsProcesses.withMarker(marker).isEmpty());
        assertThat(orchestrator.processes(app).types().getFirst().instances()).singleElement()
                .satisfies(i -> assertThat(i.state()).isEqualTo("up"));
        assertThat(dataDir.resolve("local/releases/" + app.appId() + "/v2")).doesNotExist();
        orchestrator.purge(app);
    }

    @Test
    void aReleaseThatKeepsCrashingFailsFastAndTheRouterAnswers503WhileNothingIsUp() throws Exception {
        AppRef app = TestApps.newApp("crashing");
        PreparedSource crashing = prepare(TestApps.tgz(TestApps.write(apps, Map.of("Procfile", "web: echo booting; exit 3\n"))));
        RecordingListener listener = new RecordingListener();

        orchestrator.apply(TestApps.deployment(app, 1, crashing, Map.of(), Map.of()), listener);
        URI url = orchestrator.webUrl(app).orElseThrow();
        Poll.until(Duration.ofSeconds(5), "the router listens", () -> status(url) != -1);
        HttpResponse<String> unavailable = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        RecordingListener.Report outcome = listener.awaitOutcome(DEPLOY);

        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.body()).isEqualTo("no web process of this app is up\n");
        assertThat(outcome.status()).isEqualTo(ReleaseStatus.FAILED);
        assertThat(outcome.reason()).contains("web.1 crashed 3 times before it was up (last: exit code 3)");
        orchestrator.purge(app);
    }

    @Test
    void aCrashedInstanceIsRestartedAndItsRestartsAreCounted() {
        AppRef app = TestApps.newApp("crash-restart");
        deploy(app, 1, prepare(TestApps.tgz(TestApps.hello())), Map.of("worker", 0));
        URI url = orchestrator.webUrl(app).orElseThrow();
        long group = OsProcesses.recordedGroup(dataDir, app.appId(), "web.1");

        OsProcesses.kill(group, "KILL");

        Poll.until(Duration.ofSeconds(10), "web.1 is back up after one restart", () -> {
            AppProcesses.Instance web1 = orchestrator.processes(app).types().getFirst().instances().getFirst();
            return web1.restarts() == 1 && web1.state().equals("up");
        });
        assertThat(get(url.resolve("/"))).isEqualTo("Hello from web.1\n");
        assertThat(OsProcesses.recordedGroup(dataDir, app.appId(), "web.1")).isNotEqualTo(group);
        assertThat(LocalLogStore.shared(context).recent(app.appId(), 100))
                .anyMatch(l -> l.process().equals("runtime") && l.message().startsWith("web.1 crashed (killed by signal 9)")
                        && l.message().endsWith("restarting in 1s"));
        orchestrator.purge(app);
    }

    @Test
    void scalingStartsAndStopsInstancesAndBalancesWebTraffic() throws Exception {
        AppRef app = TestApps.newApp("scaled");
        deploy(app, 1, prepare(TestApps.tgz(TestApps.hello())), Map.of());
        URI url = orchestrator.webUrl(app).orElseThrow();

        orchestrator.scale(app, "worker", 2);
        assertThat(instanceIds(app, "worker")).containsExactly("worker.1", "worker.2");
        Poll.until(Duration.ofSeconds(10), "both workers are up",
                () -> instances(app, "worker").stream().allMatch(i -> i.state().equals("up")));
        assertThat(orchestrator.processes(app).types().get(1).replicas()).isEqualTo(2);

        orchestrator.scale(app, "web", 2);
        Poll.until(Duration.ofSeconds(10), "web.2 is up", () -> state(app, "web", "web.2").equals("up"));
        Set<String> answeredBy = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 6; i++) {
            answeredBy.add(get(url.resolve("/")));
        }
        assertThat(answeredBy).containsExactlyInAnyOrder("Hello from web.1\n", "Hello from web.2\n");

        List<Long> workers = List.of(OsProcesses.recordedGroup(dataDir, app.appId(), "worker.1"),
                OsProcesses.recordedGroup(dataDir, app.appId(), "worker.2"));
        orchestrator.scale(app, "worker", 0);
        Poll.until(Duration.ofSeconds(10), "no worker is left", () -> instances(app, "worker").isEmpty());
        assertThat(OsProcesses.membersOf(workers)).isEmpty();
        assertThat(OsProcesses.recordedGroups(dataDir, app.appId())).hasSize(2); // web.1 and web.2

        assertThatThrownBy(() -> orchestrator.scale(app, "nope", 1)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID);
            assertThat(e.field()).contains("type");
            assertThat(e.getMessage()).contains("unknown process type 'nope'");
        });
        orchestrator.purge(app);
    }

    @Test
    void stopEndsEveryProcessAndKeepsTheUrlAndPurgeRemovesEverything() throws Exception {
        AppRef app = TestApps.newApp("stopped");
        PreparedSource source = prepare(TestApps.tgz(TestApps.hello()));
        Deployment v1 = deploy(app, 1, source, Map.of());
        URI url = orchestrator.webUrl(app).orElseThrow();
        Poll.until(Duration.ofSeconds(10), "worker.1 is up", () -> state(app, "worker", "worker.1").equals("up"));
        List<Long> groups = OsProcesses.recordedGroups(dataDir, app.appId());
        assertThat(OsProcesses.membersOf(groups)).hasSizeGreaterThanOrEqualTo(2);

        orchestrator.stop(app);

        assertThat(OsProcesses.membersOf(groups)).isEmpty();
        assertThat(status(url)).isEqualTo(-1);
        assertThat(orchestrator.webUrl(app)).contains(url);

        RecordingListener restored = new RecordingListener();
        orchestrator.apply(v1, restored);
        assertThat(restored.awaitOutcome(DEPLOY).status()).isEqualTo(ReleaseStatus.SUCCEEDED);
        assertThat(get(url.resolve("/"))).isEqualTo("Hello from web.1\n");
        List<Long> restoredGroups = OsProcesses.recordedGroups(dataDir, app.appId());

        orchestrator.purge(app);

        assertThat(OsProcesses.membersOf(restoredGroups)).isEmpty();
        assertThat(dataDir.resolve("local/releases/" + app.appId())).doesNotExist();
        assertThat(dataDir.resolve("local/run/" + app.appId())).doesNotExist();
        assertThat(Files.readString(dataDir.resolve("local/routes.properties"))).doesNotContain(app.appId().toString());
        assertThat(orchestrator.processes(app).types()).isEmpty();
        assertThat(orchestrator.webUrl(app)).isEmpty();
    }

    @Test
    void theRouterPortOfAnAppIsKeptAcrossRedeploysAndARestartOfTheRuntime() throws Exception {
        Path otherDir = Files.createDirectories(dataDir.resolve("second-runtime"));
        TestProviderContext otherContext = TestProviderContext.of(otherDir);
        AppRef app = TestApps.newApp("stable-url");
        URI first;
        try (Orchestrator one = create(otherContext)) {
            PreparedSource source = one.prepare(new SourceUpload.Artifact(new ByteArrayInputStream(TestApps.tgz(TestApps.hello())), 0));
            RecordingListener listener = new RecordingListener();
            one.apply(TestApps.deployment(app, 1, source, Map.of("worker", 0), Map.of()), listener);
            assertThat(listener.awaitOutcome(DEPLOY).status()).isEqualTo(ReleaseStatus.SUCCEEDED);
            first = one.webUrl(app).orElseThrow();
        }
        try (Orchestrator two = create(otherContext)) {
            PreparedSource source = two.prepare(new SourceUpload.Artifact(new ByteArrayInputStream(TestApps.tgz(TestApps.hello())), 0));
            RecordingListener listener = new RecordingListener();
            two.apply(TestApps.deployment(app, 2, source, Map.of("worker", 0), Map.of()), listener);
            assertThat(listener.awaitOutcome(DEPLOY).status()).isEqualTo(ReleaseStatus.SUCCEEDED);
            assertThat(two.webUrl(app)).contains(first);
            assertThat(get(first.resolve("/"))).isEqualTo("Hello from web.1\n");
        }
    }

    // ---- helpers ----

    private PreparedSource prepare(byte[] tgz) {
        return orchestrator.prepare(new SourceUpload.Artifact(new ByteArrayInputStream(tgz), 0));
    }

    private Deployment deploy(AppRef app, int version, PreparedSource source, Map<String, Integer> replicas) {
        Deployment deployment = TestApps.deployment(app, version, source, replicas, Map.of());
        RecordingListener listener = new RecordingListener();
        orchestrator.apply(deployment, listener);
        RecordingListener.Report outcome = listener.awaitOutcome(DEPLOY);
        assertThat(outcome.status()).as("deploy of v%d: %s", version, outcome.reason()).isEqualTo(ReleaseStatus.SUCCEEDED);
        return deployment;
    }

    private List<AppProcesses.Instance> instances(AppRef app, String type) {
        return orchestrator.processes(app).types().stream().filter(t -> t.type().equals(type)).findFirst()
                .map(AppProcesses.ProcessGroup::instances).orElse(List.of());
    }

    private List<String> instanceIds(AppRef app, String type) {
        return instances(app, type).stream().map(AppProcesses.Instance::id).toList();
    }

    private String state(AppRef app, String type, String id) {
        return instances(app, type).stream().filter(i -> i.id().equals(id)).map(AppProcesses.Instance::state)
                .findFirst().orElse("absent");
    }

    private String get(URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s", uri).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The status of GET {@code uri} on a new connection; -1 when nothing listens. */
    private static int status(URI uri) {
        try {
            HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            return fresh.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (ConnectException e) {
            return -1;
        } catch (IOException e) {
            return e.getCause() instanceof ConnectException ? -1 : -2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -2;
        }
    }
}
