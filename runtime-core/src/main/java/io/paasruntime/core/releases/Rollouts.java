package io.paasruntime.core.releases;

import io.paasruntime.core.errors.ProviderErrors;
import io.paasruntime.core.support.AppLocks;
import io.paasruntime.core.support.IdGenerator;
import io.paasruntime.core.support.KeyedExecutor;
import io.paasruntime.core.support.Times;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Deployment;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.ProcessSpec;
import io.paasruntime.spi.store.App;
import io.paasruntime.spi.store.ProcessFormation;
import io.paasruntime.spi.store.Release;
import io.paasruntime.spi.store.ReleaseStatus;
import io.paasruntime.spi.store.StateStore;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates releases and puts them on the orchestrator, then follows their status: the newest release
 * that succeeds becomes the app's current one and the one it replaced is superseded; a failed release
 * leaves the current one serving. Used by deploys, rollbacks, config changes and add-ons alike.
 * Thread-safe; changes to one app are serialised by {@link AppLocks}.
 */
public final class Rollouts {
    /** Size of new process types until scaled otherwise. */
    public static final String DEFAULT_SIZE = "small";
    private static final Logger LOG = Logger.getLogger(Rollouts.class.getName());

    private final StateStore store;
    private final Orchestrator orchestrator;
    private final AppLocks locks;
    private final Clock clock;
    private final IdGenerator ids;
    private final KeyedExecutor statusEvents;
    private final List<Consumer<App>> purgeSteps = new CopyOnWriteArrayList<>();

    /**
     * @param statusEvents where the orchestrator's status reports are recorded: off the orchestrator's
     *                     thread, because recording takes the app lock, and a holder of that lock (a
     *                     delete stopping the app) may be waiting for that very thread
     */
    public Rollouts(StateStore store, Orchestrator orchestrator, AppLocks locks, Clock clock, IdGenerator ids,
                    KeyedExecutor statusEvents) {
        this.store = store;
        this.orchestrator = orchestrator;
        this.locks = locks;
        this.clock = clock;
        this.ids = ids;
        this.statusEvents = statusEvents;
    }

    /** What the orchestrator runs. */
    public Orchestrator orchestrator() {
        return orchestrator;
    }

    /**
     * Creates release v(N+1) of {@code app} and starts rolling it out. New process types start with
     * one instance. Returns the release as stored (pending, or running if the orchestrator was quick).
     */
    public Release release(App app, String actor, String sourceKind, String source, Map<String, String> processes,
                           Map<String, String> config, Optional<String> description, Optional<Integer> rollbackOf) {
        return locks.withLock(app.id(), () -> {
            Release release = store.transaction(tx -> {
                int version = tx.releases().maxVersion(app.id()) + 1;
                Release created = new Release(ids.next(), app.id(), version, ReleaseStatus.PENDING, Optional.empty(),
                        sourceKind, source, processes, config, description, rollbackOf, Times.now(clock), actor);
                tx.releases().insert(created);
                Map<String, ProcessFormation> formation = tx.settings().formation(app.id());
                for (String type : processes.keySet()) {
                    if (!formation.containsKey(type)) {
                        tx.settings().putFormation(app.id(), new ProcessFormation(type, 1, DEFAULT_SIZE));
                    }
                }
                return created;
            });
            apply(app, release);
            return store.releases().findById(app.id(), release.id()).orElse(release);
        });
    }

    /** Runs the app's current release again (restore, start-up). */
    public void resume(App app) {
        app.currentReleaseId().flatMap(id -> store.releases().findById(app.id(), id)).ifPresent(r -> apply(app, r));
    }

    /** The orchestrator's view of what the app should run for {@code release}. */
    public Deployment deploymentOf(App app, Release release) {
        Map<String, ProcessFormation> formation = store.settings().formation(app.id());
        Map<String, ProcessSpec> specs = new LinkedHashMap<>();
        release.processes().forEach((type, command) -> {
            ProcessFormation f = formation.getOrDefault(type, new ProcessFormation(type, 1, DEFAULT_SIZE));
            specs.put(type, new ProcessSpec(type, command, f.replicas(), f.size()));
        });
        return new Deployment(ref(app), release.id(), release.version(), release.sourceKind(), release.source(), specs,
                release.config());
    }

    public Optional<URI> webUrl(App app) {
        try {
            return orchestrator.webUrl(ref(app));
        } catch (ProviderException e) {
            return Optional.empty();
        }
    }

    /** Adds a step run when an app is purged (e.g. deprovisioning its add-ons), before its rows go. */
    public void onPurge(Consumer<App> step) {
        purgeSteps.add(step);
    }

    /** Removes the app for good: its processes, what the purge steps own, then its rows. */
    public void purge(App app) {
        locks.withLock(app.id(), () -> {
            orchestrator.purge(ref(app));
            purgeSteps.forEach(step -> step.accept(app));
            store.apps().purge(app.id());
            return null;
        });
    }

    /**
     * Brings the runtime back after a start: releases left pending or running by a previous run are
     * marked failed, and every live app runs its current release again.
     */
    public void reconcile() {
        for (Release r : store.releases().listByStatus(List.of(ReleaseStatus.PENDING, ReleaseStatus.RUNNING))) {
            store.releases().updateStatus(r.id(), ReleaseStatus.FAILED,
                    Optional.of("interrupted by a restart of the runtime"));
        }
        for (App app : store.apps().listAllLive()) {
            try {
                resume(app);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not resume app " + app.name() + " (" + app.id() + "): " + e.getMessage());
            }
        }
    }

    private void apply(App app, Release release) {
        try {
            orchestrator.apply(deploymentOf(app, release), (releaseId, status, reason) -> onStatus(app.tenantId(), app.id(), releaseId, status, reason));
        } catch (ProviderException e) {
            store.releases().updateStatus(release.id(), ReleaseStatus.FAILED, Optional.ofNullable(e.getMessage()));
            throw ProviderErrors.translate(e);
        }
    }

    private void onStatus(UUID tenantId, UUID appId, UUID releaseId, ReleaseStatus status, Optional<String> reason) {
        try {
            statusEvents.execute(appId, () -> recordUnderLock(tenantId, appId, releaseId, status, reason));
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // the runtime is closing: the next start reconciles whatever this report would have said
        }
    }

    private void recordUnderLock(UUID tenantId, UUID appId, UUID releaseId, ReleaseStatus status, Optional<String> reason) {
        try {
            locks.withLock(appId, () -> {
                record(tenantId, appId, releaseId, status, reason);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record status " + status + " of release " + releaseId + ": " + e.getMessage());
        }
    }

    private void record(UUID tenantId, UUID appId, UUID releaseId, ReleaseStatus status, Optional<String> reason) {
        Optional<Release> found = store.releases().findById(appId, releaseId);
        if (found.isEmpty()) {
            return;
        }
        Release release = found.get();
        Optional<App> app = store.apps().findById(tenantId, appId).filter(a -> !a.deleted());
        Optional<UUID> currentId = app.flatMap(App::currentReleaseId);
        boolean isCurrent = currentId.map(releaseId::equals).orElse(false);
        switch (status) {
            case PENDING, RUNNING -> {
                if (release.status() == ReleaseStatus.PENDING) {
                    store.releases().updateStatus(releaseId, ReleaseStatus.RUNNING, Optional.empty());
                }
            }
            case SUCCEEDED -> {
                if (isCurrent || app.isEmpty()) {
                    if (release.status() != ReleaseStatus.SUCCEEDED) {
                        store.releases().updateStatus(releaseId, ReleaseStatus.SUCCEEDED, Optional.empty());
                    }
                    return;
                }
                Optional<Release> current = currentId.flatMap(id -> store.releases().findById(appId, id));
                if (current.isPresent() && current.get().version() > release.version()) {
                    store.releases().updateStatus(releaseId, ReleaseStatus.SUPERSEDED,
                            Optional.of("v" + current.get().version() + " took over first"));
                    return;
                }
                store.transaction(tx -> {
                    tx.releases().updateStatus(releaseId, ReleaseStatus.SUCCEEDED, Optional.empty());
                    current.ifPresent(c -> tx.releases().updateStatus(c.id(), ReleaseStatus.SUPERSEDED,
                            Optional.of("replaced by v" + release.version())));
                    App a = app.get();
                    tx.apps().update(new App(a.id(), a.tenantId(), a.name(), a.region(), a.createdAt(), a.updatedAt(),
                            a.deletedAt(), Optional.of(releaseId)));
                    return null;
                });
            }
            case FAILED -> {
                if (isCurrent) {
                    // the serving release failed to come back (e.g. after a restart): keep it current, say why
                    LOG.warning("current release v" + release.version() + " of app " + appId + " failed: "
                            + reason.orElse("unknown reason"));
                    return;
                }
                if (release.status() == ReleaseStatus.PENDING || release.status() == ReleaseStatus.RUNNING) {
                    store.releases().updateStatus(releaseId, ReleaseStatus.FAILED, reason);
                }
            }
            case SUPERSEDED -> {
                if (!isCurrent) {
                    store.releases().updateStatus(releaseId, ReleaseStatus.SUPERSEDED, reason);
                }
            }
        }
    }

    private static AppRef ref(App app) {
        return new AppRef(app.tenantId(), app.id(), app.name());
    }
}
