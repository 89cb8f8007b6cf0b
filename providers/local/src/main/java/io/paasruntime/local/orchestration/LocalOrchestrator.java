package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppProcesses;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Deployment;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.ReleaseListener;
import io.paasruntime.spi.orchestration.SourceUpload;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded orchestrator: runs each process type of a release as real OS processes on this
 * machine, from an uploaded {@code .tar.gz} with a {@code Procfile}, behind a per-app router on
 * 127.0.0.1. See {@link LocalOrchestratorFactory} for settings and the package documentation for
 * the whole picture. Thread-safe.
 */
public final class LocalOrchestrator implements Orchestrator {
    private final LocalRuntimeParts parts;
    private final Map<UUID, AppRuntime> apps = new ConcurrentHashMap<>();
    private volatile boolean closed;

    LocalOrchestrator(LocalRuntimeParts parts) {
        this.parts = parts;
    }

    @Override
    public String sourceKind() {
        return ArtifactStore.KIND;
    }

    @Override
    public PreparedSource prepare(SourceUpload upload) {
        return switch (upload) {
            case SourceUpload.Image image -> throw ProviderException.invalid("image",
                    "the local orchestrator runs .tar.gz artifacts (Content-Type: application/gzip); "
                            + "image deploys need orchestration.provider=kubernetes");
            case SourceUpload.Artifact artifact -> parts.artifacts().prepare(artifact);
        };
    }

    @Override
    public boolean sourceAvailable(String sourceRef) {
        return parts.artifacts().available(sourceRef);
    }

    @Override
    public void apply(Deployment deployment, ReleaseListener listener) {
        open();
        apps.computeIfAbsent(deployment.app().appId(), id -> new AppRuntime(deployment.app(), parts)).apply(deployment, listener);
    }

    @Override
    public void restart(AppRef app, Optional<String> processType) {
        running(app).restart(processType);
    }

    @Override
    public void scale(AppRef app, String processType, int replicas) {
        running(app).scale(processType, replicas);
    }

    @Override
    public AppProcesses processes(AppRef app) {
        AppRuntime runtime = apps.get(app.appId());
        return runtime == null ? new AppProcesses(List.of()) : runtime.processes();
    }

    @Override
    public Optional<URI> webUrl(AppRef app) {
        AppRuntime runtime = apps.get(app.appId());
        return runtime == null ? Optional.empty() : runtime.webUrl();
    }

    @Override
    public void stop(AppRef app) {
        AppRuntime runtime = apps.get(app.appId());
        if (runtime != null) {
            runtime.stop();
        }
    }

    @Override
    public void purge(AppRef app) {
        AppRuntime runtime = apps.remove(app.appId());
        if (runtime != null) {
            runtime.stop();
            runtime.purgeFiles();
        } else {
            AppRuntime.purgeFiles(parts, app);
        }
    }

    /** Stops every process this runtime started (SIGTERM, SIGKILL after the grace period), all apps at once. */
    @Override
    public void close() {
        closed = true;
        Waiting.inParallel("shutdown", apps.values().stream().map(runtime -> (Runnable) runtime::shutdown).toList());
        parts.appTree().clearOnClose();
        parts.logStore().close(); // after the instances' last lines
    }

    private AppRuntime running(AppRef app) {
        open();
        AppRuntime runtime = apps.get(app.appId());
        if (runtime == null) {
            throw ProviderException.conflict("app " + app.appName() + " has no running release; deploy it first");
        }
        return runtime;
    }

    private void open() {
        if (closed) {
            throw ProviderException.unavailable("the local orchestrator is shut down", null);
        }
    }
}
