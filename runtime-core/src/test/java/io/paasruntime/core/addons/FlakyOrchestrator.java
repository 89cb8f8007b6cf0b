package io.paasruntime.core.addons;

import io.paasruntime.core.ScriptedOrchestrator;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppProcesses;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Deployment;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.ReleaseListener;
import io.paasruntime.spi.orchestration.SourceUpload;

import java.net.URI;
import java.util.Optional;

/** The scripted orchestrator, whose {@code apply} can be made to fail (the rollout of a config change). */
final class FlakyOrchestrator implements Orchestrator {
    final ScriptedOrchestrator scripted = new ScriptedOrchestrator();
    volatile boolean failApply;

    @Override
    public String sourceKind() {
        return scripted.sourceKind();
    }

    @Override
    public PreparedSource prepare(SourceUpload upload) {
        return scripted.prepare(upload);
    }

    @Override
    public boolean sourceAvailable(String sourceRef) {
        return scripted.sourceAvailable(sourceRef);
    }

    @Override
    public void apply(Deployment deployment, ReleaseListener listener) {
        if (failApply) {
            throw ProviderException.unavailable("the cluster is down", null);
        }
        scripted.apply(deployment, listener);
    }

    @Override
    public void restart(AppRef app, Optional<String> processType) {
        scripted.restart(app, processType);
    }

    @Override
    public void scale(AppRef app, String processType, int replicas) {
        scripted.scale(app, processType, replicas);
    }

    @Override
    public AppProcesses processes(AppRef app) {
        return scripted.processes(app);
    }

    @Override
    public Optional<URI> webUrl(AppRef app) {
        return scripted.webUrl(app);
    }

    @Override
    public void stop(AppRef app) {
        scripted.stop(app);
    }

    @Override
    public void purge(AppRef app) {
        scripted.purge(app);
    }

    @Override
    public void close() {
    }
}
