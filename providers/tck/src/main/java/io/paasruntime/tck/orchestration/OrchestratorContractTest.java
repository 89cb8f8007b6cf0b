package io.paasruntime.tck.orchestration;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppProcesses;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Deployment;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.ProcessSpec;
import io.paasruntime.spi.orchestration.SourceUpload;
import io.paasruntime.spi.store.ReleaseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Orchestrator} must do, whichever source kind it runs: deploy a release and report
 * {@code SUCCEEDED}, list each process type with its replicas and instances, scale, restart, stop and
 * purge, and refuse a source of the other kind as {@code INVALID}.
 *
 * <p>A subclass supplies the orchestrator and a source it runs; an orchestrator whose processes are
 * not real (a simulated cluster) also overrides {@link #makeReady} to play the cluster's controllers.
 * Instances count as running in the states {@code starting} and {@code up}.
 */
public abstract class OrchestratorContractTest {

    /** A new orchestrator with nothing deployed; closed after each test. */
    protected abstract Orchestrator newOrchestrator();

    /**
     * A source this orchestrator runs that declares (at least) the process types {@code web} and
     * {@code worker}; both must keep running until stopped.
     */
    protected abstract SourceUpload source();

    /**
     * Brings the app's instances to what the orchestrator last asked for (replicas, templates) and
     * reports them ready. Called repeatedly while a test waits. Real orchestrators do nothing here.
     */
    protected void makeReady(AppRef app) {
    }

    /** How long a test waits for instances and statuses. */
    protected Duration timeout() {
        return Duration.ofSeconds(30);
    }

    protected Orchestrator orchestrator;
    protected final RecordingListener listener = new RecordingListener();
    private int version;

    @BeforeEach
    void openOrchestrator() {
        orchestrator = newOrchestrator();
    }

    @AfterEach
    void closeOrchestrator() throws Exception {
        orchestrator.close();
    }

    @Test
    void preparedSourceHasTheOrchestratorsKindAndProcessTypes() {
        PreparedSource prepared = orchestrator.prepare(source());

        assertThat(prepared.kind()).isEqualTo(orchestrator.sourceKind());
        assertThat(prepared.processes()).containsKeys("web", "worker");
        assertThat(orchestrator.sourceAvailable(prepared.ref())).isTrue();
    }

    @Test
    void sourceOfTheOtherKindIsRefusedAsInvalid() {
        SourceUpload foreign = switch (orchestrator.sourceKind()) {
            case "image" -> new SourceUpload.Artifact(new ByteArrayInputStream(gzip("Procfile")), 1 << 20);
            default -> new SourceUpload.Image("registry.example.com/team/app:1", Map.of("web", "./server"));
        };

        assertThatThrownBy(() -> orchestrator.prepare(foreign)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID));
    }

    @Test
    void deployReportsSucceededAndRunsEveryTypeWithItsReplicas() {
        AppRef app = newApp();
        PreparedSource source = orchestrator.prepare(source());

        UUID release = deploy(app, source, Map.of("web", 1, "worker", 2));

        assertThat(listener.statuses(release)).doesNotContain(ReleaseStatus.FAILED).endsWith(ReleaseStatus.SUCCEEDED);
        AppProcesses processes = awaitRunning(app, Map.of("web", 1, "worker", 2));
        assertThat(processes.types()).extracting(AppProcesses.ProcessGroup::type).containsExactly("web", "worker");
        assertThat(processes.types()).extracting(AppProcesses.ProcessGroup::command)
                .containsExactly(source.processes().get("web"), source.processes().get("worker"));
        assertThat(orchestrator.webUrl(app)).isPresent();
    }

    @Test
    void scaleChangesTheReplicasOfOneType() {
        AppRef app = newApp();
        deploy(app, orchestrator.prepare(source()), Map.of("web", 1, "worker", 1));

        orchestrator.scale(app, "worker", 3);

        AppProcesses processes = awaitRunning(app, Map.of("web", 1, "worker", 3));
        assertThat(group(processes, "worker").replicas()).isEqualTo(3);
        orchestrator.scale(app, "worker", 0);
        awaitRunning(app, Map.of("web", 1, "worker", 0));
    }

    @Test
    void restartReplacesTheInstancesOfTheTypeAndKeepsTheTypes() {
        AppRef app = newApp();
        deploy(app, orchestrator.prepare(source()), Map.of("web", 1, "worker", 1));
        AppProcesses before = awaitRunning(app, Map.of("web", 1, "worker", 1));
        Instant restartedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        orchestrator.restart(app, Optional.of("web"));

        AppProcesses after = await("web restarted", app, () -> {
            AppProcesses now = running(app, Map.of("web", 1, "worker", 1));
            assertThat(group(now, "web").instances()).allSatisfy(i ->
                    assertThat(i.startedAt()).hasValueSatisfying(t -> assertThat(t).isAfterOrEqualTo(restartedAt)));
            return now;
        });
        assertThat(after.types()).extracting(AppProcesses.ProcessGroup::type).containsExactly("web", "worker");
        assertThat(group(after, "worker").instances()).isEqualTo(group(before, "worker").instances());
    }

    @Test
    void restartOfEveryTypeKeepsTheTypesAndReplicas() {
        AppRef app = newApp();
        deploy(app, orchestrator.prepare(source()), Map.of("web", 1, "worker", 2));
        awaitRunning(app, Map.of("web", 1, "worker", 2));

        orchestrator.restart(app, Optional.empty());

        AppProcesses after = awaitRunning(app, Map.of("web", 1, "worker", 2));
        assertThat(after.types()).extracting(AppProcesses.ProcessGroup::replicas).containsExactly(1, 2);
    }

    @Test
    void newReleaseWithoutATypeRemovesIt() {
        AppRef app = newApp();
        PreparedSource source = orchestrator.prepare(source());
        deploy(app, source, Map.of("web", 1, "worker", 1));

        PreparedSource webOnly = new PreparedSource(source.kind(), source.ref(), Map.of("web", source.processes().get("web")));
        UUID second = deploy(app, webOnly, Map.of("web", 1));

        assertThat(listener.statuses(second)).endsWith(ReleaseStatus.SUCCEEDED);
        AppProcesses processes = awaitRunning(app, Map.of("web", 1));
        assertThat(processes.types()).extracting(AppProcesses.ProcessGroup::type).containsExactly("web");
    }

    @Test
    void stopLeavesNoRunningInstancesAndApplyRunsTheAppAgain() {
        AppRef app = newApp();
        PreparedSource source = orchestrator.prepare(source());
        deploy(app, source, Map.of("web", 1, "worker", 1));

        orchestrator.stop(app);

        await("no running instances", app, () -> {
            assertThat(orchestrator.processes(app).types()).flatExtracting(AppProcesses.ProcessGroup::instances)
                    .noneMatch(OrchestratorContractTest::isRunning);
            return null;
        });
        deploy(app, source, Map.of("web", 1, "worker", 1));
        awaitRunning(app, Map.of("web", 1, "worker", 1));
    }

    @Test
    void purgeLeavesNothingAndSparesOtherApps() {
        AppRef app = newApp();
        AppRef neighbour = new AppRef(app.tenantId(), UUID.randomUUID(), "neighbour-" + shortId());
        PreparedSource source = orchestrator.prepare(source());
        deploy(app, source, Map.of("web", 1, "worker", 1));
        deploy(neighbour, source, Map.of("web", 1, "worker", 1));

        orchestrator.purge(app);

        await("the app gone", app, () -> {
            assertThat(orchestrator.processes(app).types()).isEmpty();
            return null;
        });
        assertThat(orchestrator.webUrl(app)).isEmpty();
        awaitRunning(neighbour, Map.of("web", 1, "worker", 1));
    }

    @Test
    void appNeverDeployedHasNoProcesses() {
        AppRef app = newApp();

        assertThat(orchestrator.processes(app).types()).isEmpty();
        assertThat(orchestrator.webUrl(app)).isEmpty();
    }

    /** Applies {@code source} as the app's next release and waits until the listener reports SUCCEEDED. */
    protected UUID deploy(AppRef app, PreparedSource source, Map<String, Integer> replicas) {
        UUID releaseId = UUID.randomUUID();
        Map<String, ProcessSpec> specs = new LinkedHashMap<>();
        replicas.forEach((type, n) -> specs.put(type, new ProcessSpec(type, source.processes().get(type), n, "small")));
        orchestrator.apply(new Deployment(app, releaseId, ++version, source.kind(), source.ref(), specs,
                Map.of("GREETING", "hello")), listener);
        await("release " + releaseId + " succeeded", app, () -> {
            assertThat(listener.statuses(releaseId)).doesNotContain(ReleaseStatus.FAILED).contains(ReleaseStatus.SUCCEEDED);
            return null;
        });
        return releaseId;
    }

    /** Waits until exactly these types run with these numbers of running instances. */
    protected AppProcesses awaitRunning(AppRef app, Map<String, Integer> replicas) {
        return await("running " + replicas, app, () -> running(app, replicas));
    }

    private AppProcesses running(AppRef app, Map<String, Integer> replicas) {
        AppProcesses processes = orchestrator.processes(app);
        assertThat(processes.types()).extracting(AppProcesses.ProcessGroup::type)
                .containsExactlyInAnyOrderElementsOf(replicas.keySet());
        replicas.forEach((type, n) -> {
            AppProcesses.ProcessGroup g = group(processes, type);
            assertThat(g.replicas()).as("replicas of " + type).isEqualTo(n);
            assertThat(g.instances()).as("instances of " + type).hasSize(n).allMatch(i -> i.state().equals("up"));
        });
        return processes;
    }

    /** Polls {@code check} (after {@link #makeReady}) until it passes or {@link #timeout()} ends. */
    protected <T> T await(String what, AppRef app, Supplier<T> check) {
        Instant deadline = Instant.now().plus(timeout());
        while (true) {
            makeReady(app);
            try {
                return check.get();
            } catch (AssertionError e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("timed out after " + timeout() + " waiting for " + what + ": " + e.getMessage(), e);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    protected static AppRef newApp() {
        return new AppRef(UUID.randomUUID(), UUID.randomUUID(), "app-" + shortId());
    }

    protected static AppProcesses.ProcessGroup group(AppProcesses processes, String type) {
        return processes.types().stream().filter(g -> g.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no process type " + type + " in " + processes));
    }

    private static boolean isRunning(AppProcesses.Instance instance) {
        return Set.of("starting", "up").contains(instance.state());
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static byte[] gzip(String content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
