package io.paasruntime.core.releases;

import io.paasruntime.core.apps.Apps;
import io.paasruntime.core.audit.Audit;
import io.paasruntime.core.support.AppLocks;
import io.paasruntime.core.support.Caller;
import io.paasruntime.core.support.StripedExecutor;
import io.paasruntime.core.support.UuidV7Generator;
import io.paasruntime.spi.identity.Principal;
import io.paasruntime.spi.orchestration.AppProcesses;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Deployment;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.ReleaseListener;
import io.paasruntime.spi.orchestration.SourceUpload;
import io.paasruntime.spi.store.ReleaseStatus;
import io.paasruntime.tck.MutableClock;
import io.paasruntime.tck.store.InMemoryStateStore;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * An orchestrator that reports a release's outcome from its own thread, and whose stop() waits for
 * that thread — like the local orchestrator's per-app worker. Deleting the app while the report is in
 * flight must not deadlock on the app lock.
 */
class StatusReportDeadlockTest {

    /** Reports SUCCEEDED on its app thread once released; stop() releases it and waits for the thread. */
    static final class SlowReporter implements Orchestrator {
        final CountDownLatch release = new CountDownLatch(1);
        volatile Thread reporter;

        @Override
        public String sourceKind() {
            return "image";
        }

        @Override
        public PreparedSource prepare(SourceUpload upload) {
            SourceUpload.Image image = (SourceUpload.Image) upload;
            return new PreparedSource("image", image.image(), image.processes());
        }

        @Override
        public boolean sourceAvailable(String sourceRef) {
            return true;
        }

        @Override
        public void apply(Deployment deployment, ReleaseListener listener) {
            reporter = Thread.ofPlatform().start(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    return;
                }
                listener.onStatus(deployment.releaseId(), ReleaseStatus.SUCCEEDED, Optional.empty());
            });
        }

        @Override
        public void stop(AppRef app) {
            release.countDown();
            try {
                reporter.join(); // the app's worker finishes its current task before it stops
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void restart(AppRef app, Optional<String> processType) {
        }

        @Override
        public void scale(AppRef app, String processType, int replicas) {
        }

        @Override
        public AppProcesses processes(AppRef app) {
            return new AppProcesses(List.of());
        }

        @Override
        public Optional<URI> webUrl(AppRef app) {
            return Optional.empty();
        }

        @Override
        public void purge(AppRef app) {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void deletingAnAppWhileItsReleaseReportsDoesNotDeadlock() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
        InMemoryStateStore store = new InMemoryStateStore();
        SlowReporter orchestrator = new SlowReporter();
        UuidV7Generator ids = new UuidV7Generator(clock);
        AppLocks locks = new AppLocks();
        Audit audit = new Audit(store, clock, ids);
        try (StripedExecutor statusEvents = new StripedExecutor("test-status", 2)) {
            Rollouts rollouts = new Rollouts(store, orchestrator, locks, clock, ids, statusEvents);
            Apps apps = new Apps(store, orchestrator, rollouts, audit, locks, clock, ids);
            Deploys deploys = new Deploys(store, apps, rollouts, audit, 1024);
            Caller ada = new Caller(new Principal("ada", UUID.randomUUID(), "ada@example.com", Set.of(), "jti",
                    Instant.parse("2030-01-01T00:00:00Z")), "req_test");
            apps.create(ada, "hello", Optional.empty());
            deploys.deploy(ada, "hello", new DeployRequest.Image("r/h:1", Map.of("web", "serve"), Optional.empty()));

            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> apps.delete(ada, "hello"),
                    "delete waited on a status report that waited on the delete's app lock");
            assertThat(store.apps().listAllLive()).isEmpty();
        }
        assertThat(orchestrator.reporter.join(Duration.ofSeconds(5))).isTrue();
    }
}
