package io.paasruntime.core;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppProcesses;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Deployment;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.ReleaseListener;
import io.paasruntime.spi.orchestration.SourceUpload;
import io.paasruntime.spi.store.ReleaseStatus;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An orchestrator double for the core's use-case tests: it records what it was asked, and reports a
 * release's outcome only when the test says so ({@link #report}), so tests control the order of events.
 * Image sources only; the real orchestrators are tested against the provider contract.
 */
public final class ScriptedOrchestrator implements Orchestrator {
    public final List<Deployment> applied = new CopyOnWriteArrayList<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final Set<String> missingSources = ConcurrentHashMap.newKeySet();
    private final Map<UUID, ReleaseListener> listeners = new ConcurrentHashMap<>();
    private final Map<UUID, Deployment> running = new ConcurrentHashMap<>();

    @Override
    public String sourceKind() {
        return "image";
    }

    @Override
    public PreparedSource prepare(SourceUpload upload) {
        if (upload instanceof SourceUpload.Image image) {
            return new PreparedSource("image", image.image(), image.processes());
        }
        throw ProviderException.invalid("body", "this orchestrator runs images");
    }

    @Override
    public boolean sourceAvailable(String sourceRef) {
        return !missingSources.contains(sourceRef);
    }

    @Override
    public void apply(Deployment deployment, ReleaseListener listener) {
        applied.add(deployment);
        listeners.put(deployment.releaseId(), listener);
        listener.onStatus(deployment.releaseId(), ReleaseStatus.RUNNING, Optional.empty());
    }

    /** Reports the outcome of an applied release as the orchestrator's thread would. */
    public void report(UUID releaseId, ReleaseStatus status, String reason) {
        if (status == ReleaseStatus.SUCCEEDED) {
            applied.stream().filter(d -> d.releaseId().equals(releaseId)).findFirst()
                    .ifPresent(d -> running.put(d.app().appId(), d));
        }
        listeners.get(releaseId).onStatus(releaseId, status, Optional.ofNullable(reason));
    }

    public Deployment last() {
        return applied.getLast();
    }

    @Override
    public void restart(AppRef app, Optional<String> processType) {
        calls.add("restart " + app.appName() + " " + processType.orElse("*"));
    }

    @Override
    public void scale(AppRef app, String processType, int replicas) {
        calls.add("scale " + app.appName() + " " + processType + "=" + replicas);
    }

    @Override
    public AppProcesses processes(AppRef app) {
        Deployment d = running.get(app.appId());
        if (d == null) {
            return new AppProcesses(List.of());
        }
        List<AppProcesses.ProcessGroup> groups = new ArrayList<>();
        d.processes().values().forEach(p -> groups.add(new AppProcesses.ProcessGroup(p.type(), p.command(),
                p.replicas(), p.size(), List.of())));
        return new AppProcesses(groups);
    }

    @Override
    public Optional<URI> webUrl(AppRef app) {
        return running.containsKey(app.appId()) ? Optional.of(URI.create("http://127.0.0.1:20000")) : Optional.empty();
    }

    @Override
    public void stop(AppRef app) {
        calls.add("stop " + app.appName());
        running.remove(app.appId());
    }

    @Override
    public void purge(AppRef app) {
        calls.add("purge " + app.appName());
        running.remove(app.appId());
    }

    @Override
    public void close() {
    }
}
