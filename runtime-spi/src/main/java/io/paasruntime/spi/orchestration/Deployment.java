package io.paasruntime.spi.orchestration;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A release to run. {@link #toString()} hides env values.
 *
 * @param processes process type → spec
 * @param env       config vars to inject (the orchestrator adds {@code PORT} and the like)
 */
public record Deployment(AppRef app, UUID releaseId, int version, String sourceKind, String sourceRef,
                         Map<String, ProcessSpec> processes, Map<String, String> env) {
    public Deployment {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(sourceKind, "sourceKind");
        Objects.requireNonNull(sourceRef, "sourceRef");
        processes = Map.copyOf(processes);
        env = Map.copyOf(env);
    }

    @Override
    public String toString() {
        return "Deployment[" + app.appName() + " v" + version + ", " + sourceRef + ", " + processes.values()
                + ", env keys=" + env.keySet() + "]";
    }
}
