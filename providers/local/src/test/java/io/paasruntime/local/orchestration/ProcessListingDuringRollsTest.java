package io.paasruntime.local.orchestration;

import io.paasruntime.spi.orchestration.AppProcesses;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.SourceUpload;
import io.paasruntime.spi.store.ReleaseStatus;
import io.paasruntime.tck.TestProviderContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process listing while instances are replaced: every instance id ({@code web.1}) appears
 * exactly once in every snapshot, the instance serving that slot, and after the roll it is the
 * replacement.
 */
class ProcessListingDuringRollsTest {
    private static final List<String> SLOTS = List.of("web.1", "web.2", "worker.1");

    private Path dataDir;
    private Orchestrator orchestrator;

    @BeforeEach
    void start() throws Exception {
        dataDir = Files.createTempDirectory("local-listing-");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        orchestrator = LocalOrchestratorTest.create(TestProviderContext.of(dataDir));
    }

    @AfterEach
    void stop() throws Exception {
        orchestrator.close();
        FileTrees.deleteRecursively(dataDir);
    }

    @Test
    void eachSlotIsListedOnceDuringARollingRestartAndAReleaseRollAndThenShowsItsReplacement() throws Exception {
        AppRef app = TestApps.newApp("rolled");
        PreparedSource source = orchestrator.prepare(new SourceUpload.Artifact(new ByteArrayInputStream(TestApps.tgz(TestApps.hello())), 0));
        deploy(app, 1, source);
        awaitReplaced(app, Instant.EPOCH);
        Sampler sampler = Sampler.start(orchestrator, app);
        try {
            Map<String, Long> beforeRestart = groups(app);
            Instant restartAt = Instant.now();
            orchestrator.restart(app, Optional.empty());
            awaitReplaced(app, restartAt);
            Map<String, Long> afterRestart = groups(app);
            SLOTS.forEach(slot -> assertThat(afterRestart.get(slot)).as("pid of %s after the restart", slot)
                    .isNotEqualTo(beforeRestart.get(slot)));

            Instant rollAt = Instant.now();
            deploy(app, 2, source);
            awaitReplaced(app, rollAt);
            Map<String, Long> afterRoll = groups(app);
            SLOTS.forEach(slot -> assertThat(afterRoll.get(slot)).as("pid of %s after the roll to v2", slot)
                    .isNotEqualTo(afterRestart.get(slot)));
        } finally {
            sampler.stop();
        }
        System.out.printf("figure: %d process listings taken during a rolling restart and a release roll%n", sampler.taken.get());
        assertThat(sampler.taken.get()).isGreaterThan(100);
        assertThat(sampler.wrong).as("listings whose ids were not exactly %s", SLOTS).isEmpty();
    }

    private void deploy(AppRef app, int version, PreparedSource source) {
        RecordingListener listener = new RecordingListener();
        orchestrator.apply(TestApps.deployment(app, version, source, Map.of("web", 2), Map.of("GREETING", "v" + version)), listener);
        RecordingListener.Report outcome = listener.awaitOutcome(LocalOrchestratorTest.DEPLOY);
        assertThat(outcome.status()).as("v%d: %s", version, outcome.reason()).isEqualTo(ReleaseStatus.SUCCEEDED);
    }

    /** Waits until every slot lists an instance started after {@code since} that is up, and the instances it replaced are gone. */
    private void awaitReplaced(AppRef app, Instant since) {
        Poll.until(Duration.ofSeconds(30), "every slot shows an instance started after " + since + " and the old ones are gone", () -> {
            List<AppProcesses.Instance> all = instances(app);
            return all.size() == SLOTS.size() && all.stream().allMatch(i -> i.state().equals("up") && i.startedAt().orElseThrow().isAfter(since))
                    && OsProcesses.recordedGroups(dataDir, app.appId()).size() == SLOTS.size();
        });
    }

    private Map<String, Long> groups(AppRef app) {
        return Map.of("web.1", OsProcesses.recordedGroup(dataDir, app.appId(), "web.1"),
                "web.2", OsProcesses.recordedGroup(dataDir, app.appId(), "web.2"),
                "worker.1", OsProcesses.recordedGroup(dataDir, app.appId(), "worker.1"));
    }

    private List<AppProcesses.Instance> instances(AppRef app) {
        return orchestrator.processes(app).types().stream().flatMap(t -> t.instances().stream()).toList();
    }

    /** Takes process listings in a loop on a virtual thread and keeps those whose ids are not exactly the slots. */
    private static final class Sampler {
        final AtomicInteger taken = new AtomicInteger();
        final ConcurrentLinkedQueue<List<String>> wrong = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        static Sampler start(Orchestrator orchestrator, AppRef app) {
            Sampler sampler = new Sampler();
            sampler.thread = Thread.ofVirtual().start(() -> {
                while (sampler.running.get()) {
                    List<String> ids = orchestrator.processes(app).types().stream().flatMap(t -> t.instances().stream())
                            .map(AppProcesses.Instance::id).toList();
                    if (!ids.equals(SLOTS)) {
                        sampler.wrong.add(ids);
                    }
                    sampler.taken.incrementAndGet();
                    try {
                        Thread.sleep(2); // the sampling rate, leaving the CPU to the instances being replaced
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            return sampler;
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(Duration.ofSeconds(10));
        }
    }
}
