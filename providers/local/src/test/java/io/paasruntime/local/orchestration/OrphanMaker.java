package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.SourceUpload;
import io.paasruntime.tck.TestProviderContext;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A runtime in its own JVM, for the test that kills it with SIGKILL: deploys the app in
 * {@code args[1]} on data dir {@code args[0]}, prints {@code READY <appId> <web_url>} and waits.
 */
public final class OrphanMaker {
    private OrphanMaker() {
    }

    public static void main(String[] args) throws Exception {
        Orchestrator orchestrator = new LocalOrchestratorFactory().create(
                ProviderConfig.of("orchestration", LocalOrchestratorTest.SETTINGS, LocalOrchestratorSettings.KEYS),
                TestProviderContext.of(Path.of(args[0])));
        PreparedSource source = orchestrator.prepare(new SourceUpload.Artifact(
                new ByteArrayInputStream(TestApps.tgz(Path.of(args[1]))), 0));
        AppRef app = TestApps.newApp("orphans");
        RecordingListener listener = new RecordingListener();
        orchestrator.apply(TestApps.deployment(app, 1, source, Map.of(), Map.of()), listener);
        RecordingListener.Report outcome = listener.awaitOutcome(Duration.ofSeconds(20));
        Poll.until(Duration.ofSeconds(10), "worker.1 is up", () -> orchestrator.processes(app).types().get(1)
                .instances().getFirst().state().equals("up"));
        System.out.println("READY " + app.appId() + " " + orchestrator.webUrl(app).orElseThrow() + " " + outcome.status());
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5));
    }
}
