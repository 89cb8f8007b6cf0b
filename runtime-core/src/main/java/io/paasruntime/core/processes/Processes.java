package io.paasruntime.core.processes;

import io.paasruntime.core.apps.Apps;
import io.paasruntime.core.audit.Audit;
import io.paasruntime.core.errors.Conflict;
import io.paasruntime.core.errors.NotFound;
import io.paasruntime.core.errors.ProviderErrors;
import io.paasruntime.core.errors.ValidationFailed;
import io.paasruntime.core.releases.Rollouts;
import io.paasruntime.core.support.AppLocks;
import io.paasruntime.core.support.Caller;
import io.paasruntime.core.support.Times;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppProcesses;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.store.App;
import io.paasruntime.spi.store.ProcessFormation;
import io.paasruntime.spi.store.Release;
import io.paasruntime.spi.store.StateStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Listing, scaling and restarting an app's processes. Thread-safe. */
public final class Processes {
    public static final int MAX_REPLICAS = 20;
    public static final Set<String> SIZES = Set.of("small", "medium", "large");

    private final StateStore store;
    private final Apps apps;
    private final Orchestrator orchestrator;
    private final AppLocks locks;
    private final Audit audit;

    public Processes(StateStore store, Apps apps, Orchestrator orchestrator, AppLocks locks, Audit audit) {
        this.store = store;
        this.apps = apps;
        this.orchestrator = orchestrator;
        this.locks = locks;
        this.audit = audit;
    }

    public ProcessesView list(Caller caller, String idOrName) {
        App app = apps.resolve(caller, idOrName);
        return view(app);
    }

    /** Sets the replicas (0–20) and/or size of one process type of the current release. */
    public ProcessesView.TypeView scale(Caller caller, String idOrName, String type, Optional<Integer> replicas,
                                        Optional<String> size) {
        App app = apps.resolve(caller, idOrName);
        if (replicas.isEmpty() && size.isEmpty()) {
            throw ValidationFailed.of("replicas", "is required");
        }
        replicas.ifPresent(n -> {
            if (n < 0 || n > MAX_REPLICAS) {
                throw ValidationFailed.of("replicas", "must be between 0 and " + MAX_REPLICAS);
            }
        });
        size.ifPresent(s -> {
            if (!SIZES.contains(s)) {
                throw ValidationFailed.of("size", "must be one of " + SIZES.stream().sorted().toList());
            }
        });
        locks.withLock(app.id(), () -> {
            Release current = currentRelease(app);
            if (!current.processes().containsKey(type)) {
                throw new NotFound("process type '" + type + "' does not exist in app '" + app.name()
                        + "'; its types are " + current.processes().keySet().stream().sorted().toList());
            }
            ProcessFormation before = store.settings().formation(app.id())
                    .getOrDefault(type, new ProcessFormation(type, 1, Rollouts.DEFAULT_SIZE));
            ProcessFormation after = new ProcessFormation(type, replicas.orElse(before.replicas()), size.orElse(before.size()));
            store.settings().putFormation(app.id(), after);
            try {
                orchestrator.scale(Apps.ref(app), type, after.replicas());
            } catch (ProviderException e) {
                store.settings().putFormation(app.id(), before);
                throw ProviderErrors.translate(e);
            }
            audit.record(caller, "process.scale", "app", app.id(),
                    "scaled " + type + " of " + app.name() + " to " + after.replicas() + " (" + after.size() + ")");
            return null;
        });
        return view(app).types().stream().filter(t -> t.type().equals(type)).findFirst()
                .orElseThrow(() -> new NotFound("process type '" + type + "' does not exist"));
    }

    /** Rolling restart of every process type, or of {@code type} only. */
    public ProcessesView restart(Caller caller, String idOrName, Optional<String> type) {
        App app = apps.resolve(caller, idOrName);
        if (type.isPresent() && type.get().isBlank()) {
            throw ValidationFailed.of("type", "must name a process type (or leave type out to restart all)");
        }
        locks.withLock(app.id(), () -> {
            Release current = currentRelease(app);
            type.ifPresent(t -> {
                if (!current.processes().containsKey(t)) {
                    throw new NotFound("process type '" + t + "' does not exist in app '" + app.name() + "'");
                }
            });
            try {
                orchestrator.restart(Apps.ref(app), type);
            } catch (ProviderException e) {
                throw ProviderErrors.translate(e);
            }
            audit.record(caller, "process.restart", "app", app.id(),
                    "restarted " + type.orElse("all processes") + " of " + app.name());
            return null;
        });
        return view(app);
    }

    private Release currentRelease(App app) {
        App latest = store.apps().findById(app.tenantId(), app.id()).orElse(app);
        return latest.currentReleaseId().flatMap(id -> store.releases().findById(app.id(), id))
                .orElseThrow(() -> {
                    var newest = store.releases().list(app.id(), Optional.empty(), 1).items().stream().findFirst();
                    if (newest.isPresent() && !newest.get().status().terminal()
                            && newest.get().status() != io.paasruntime.spi.store.ReleaseStatus.SUCCEEDED) {
                        return new Conflict("v" + newest.get().version() + " of app '" + app.name()
                                + "' is still starting; try again once it is running");
                    }
                    return new Conflict("app '" + app.name() + "' has no running release; deploy it first");
                });
    }

    private ProcessesView view(App app) {
        AppProcesses running;
        try {
            running = orchestrator.processes(Apps.ref(app));
        } catch (ProviderException e) {
            throw ProviderErrors.translate(e);
        }
        Map<String, ProcessFormation> formation = store.settings().formation(app.id());
        List<ProcessesView.TypeView> types = new ArrayList<>();
        for (AppProcesses.ProcessGroup g : running.types()) {
            ProcessFormation f = formation.get(g.type());
            types.add(new ProcessesView.TypeView(g.type(), g.command(), f == null ? g.replicas() : f.replicas(),
                    f == null ? g.size() : f.size(),
                    g.instances().stream().map(i -> new ProcessesView.InstanceView(i.id(), i.state(),
                            i.startedAt().map(Times::format).orElse(null), i.restarts(), i.port().orElse(null))).toList()));
        }
        types.sort(Comparator.comparing((ProcessesView.TypeView t) -> !t.type().equals("web"))
                .thenComparing(ProcessesView.TypeView::type));
        return new ProcessesView(types);
    }
}
