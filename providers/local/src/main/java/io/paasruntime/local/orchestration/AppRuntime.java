package io.paasruntime.local.orchestration;

import io.paasruntime.local.telemetry.ServedRequests;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppProcesses;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Deployment;
import io.paasruntime.spi.orchestration.ProcessSpec;
import io.paasruntime.spi.orchestration.ReleaseListener;
import io.paasruntime.spi.store.ReleaseStatus;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the local orchestrator runs for one app: the serving release, a release being
 * rolled out, their instances, and the app's router. Changes (deploy, restart, scale, stop) run
 * one after another on the app's own virtual thread, so they never interleave; reads
 * ({@link #processes}, {@link #webUrl}) take snapshots from any thread.
 *
 * <p>Traffic only ever moves forward: new instances are up and in the router's pool before old
 * ones leave it, and an old instance gets SIGTERM only after its requests in flight are answered.
 */
final class AppRuntime {
    private static final System.Logger LOG = System.getLogger(AppRuntime.class.getName());
    private static final long POLL_MILLIS = 25;

    private final AppRef app;
    private final LocalRuntimeParts parts;
    private final AppLog log;
    private final BackendPool pool = new BackendPool();
    private final ExecutorService changes;
    private final AtomicLong epoch = new AtomicLong();
    private final AtomicLong slots = new AtomicLong();
    private final Set<SupervisedInstance> live = ConcurrentHashMap.newKeySet();
    private volatile ReleaseRun serving;
    private volatile ReleaseRun incoming;
    private volatile Deployment latest;
    private AppRouter router;
    private boolean closing;

    AppRuntime(AppRef app, LocalRuntimeParts parts) {
        this.app = app;
        this.parts = parts;
        this.log = new AppLog(app.appId(), parts.logStore(), parts.clock());
        this.changes = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("app-" + app.appName()).factory());
    }

    // ---- requests from the orchestrator (return quickly) ----

    void apply(Deployment deployment, ReleaseListener listener) {
        latest = deployment;
        if (deployment.processes().containsKey(ReleaseRun.WEB)) {
            parts.routePorts().portFor(app.appId()); // so web_url is known as soon as apply returns
        }
        long since = epoch.get();
        changes.execute(() -> deploy(deployment, listener, since));
    }

    void restart(Optional<String> type) {
        ReleaseRun run = requireServing();
        type.ifPresent(t -> requireType(run.deployment(), t));
        long since = epoch.get();
        changes.execute(() -> rollingRestart(run, type, since));
    }

    /** Scales at once when nothing else is in progress; waits at most a few seconds for that. */
    void scale(String type, int replicas) {
        ReleaseRun run = requireServing();
        requireType(run.deployment(), type);
        if (replicas < 0) {
            throw ProviderException.invalid("replicas", "replicas must not be negative");
        }
        awaitQuietly(changes.submit(() -> applyScale(type, replicas)), Duration.ofSeconds(10));
    }

    /** Stops every instance (draining the router first) and closes the router; waits until done. */
    void stop() {
        epoch.incrementAndGet();
        awaitQuietly(changes.submit(this::stopApp), parts.settings().gracePeriod().multipliedBy(2).plusSeconds(30));
    }

    /** Stops without draining, for the runtime's shutdown; no change runs after it. */
    void shutdown() {
        epoch.incrementAndGet();
        List<SupervisedInstance> all;
        synchronized (this) {
            closing = true;
            all = List.copyOf(live);
        }
        pool.replaceAll(List.of());
        closeRouter();
        stopAll(all, false);
        endEscapedProcesses();
        changes.shutdownNow();
    }

    /** After {@link #stop}: removes the app's release directories and run files for good. */
    void purgeFiles() {
        changes.shutdown();
        purgeFiles(parts, app);
    }

    static void purgeFiles(LocalRuntimeParts parts, AppRef app) {
        try {
            FileTrees.deleteRecursively(parts.appTree().tree().releases(app.appId()));
            FileTrees.deleteRecursively(parts.appTree().tree().runDir(app.appId()));
            FileTrees.deleteRecursively(parts.layout().pidFiles().resolve(app.appId().toString()));
        } catch (IOException e) {
            throw ProviderException.internal("could not remove the files of app " + app.appName() + ": " + e.getMessage(), e);
        }
        parts.routePorts().release(app.appId());
        parts.logStore().purge(app.appId());
        parts.processTable().forget(app.appId());
    }

    AppProcesses processes() {
        ReleaseRun servingNow = serving;
        ReleaseRun incomingNow = incoming;
        ReleaseRun shown = servingNow != null ? servingNow : incomingNow;
        Deployment deployment = shown != null ? shown.deployment() : latest;
        if (deployment == null) {
            return new AppProcesses(List.of());
        }
        List<SupervisedInstance> instances = new ArrayList<>(listed(servingNow, incomingNow));
        instances.sort(Comparator.comparingInt((SupervisedInstance i) -> i.spec().index()));
        Set<String> types = new TreeSet<>(Comparator.comparing((String t) -> !t.equals(ReleaseRun.WEB)).thenComparing(t -> t));
        types.addAll(deployment.processes().keySet());
        instances.forEach(i -> types.add(i.spec().type()));
        List<AppProcesses.ProcessGroup> groups = new ArrayList<>();
        for (String type : types) {
            ProcessSpec spec = deployment.processes().get(type);
            List<SupervisedInstance> ofType = instances.stream().filter(i -> i.spec().type().equals(type)).toList();
            String command = spec != null ? spec.command() : ofType.getFirst().spec().command();
            int replicas = shown != null ? shown.replicas(type) : spec != null ? spec.replicas() : ofType.size();
            String size = spec != null ? (spec.size().isBlank() ? ProcessSize.SMALL.wireName() : spec.size()) : ofType.getFirst().spec().size().wireName();
            groups.add(new AppProcesses.ProcessGroup(type, command, replicas, size,
                    ofType.stream().map(SupervisedInstance::snapshot).toList()));
        }
        return new AppProcesses(groups);
    }

    /**
     * One instance per id, as Heroku lists one dyno per {@code web.1}: an id names a slot of the
     * formation, not a process, and the replacement of {@code web.1} is {@code web.1} too (its
     * {@code PS} and {@code DYNO} say so), so it gets no id of its own. The instance listed for an id
     * is the one serving that slot: the serving release's (during a rolling restart the old instance
     * until its replacement is up, then the replacement; during a release roll the old release's
     * until the new release serves); else, for slots only it has, that of a release coming up (the
     * first deploy, or a roll to more replicas or new types); else the newest of those still
     * running down (scaled away, or the app being stopped). Its {@code started_at} tells a
     * replacement from the instance it replaced.
     */
    private List<SupervisedInstance> listed(ReleaseRun servingNow, ReleaseRun incomingNow) {
        Map<String, SupervisedInstance> byId = new LinkedHashMap<>();
        if (servingNow != null) {
            servingNow.all().forEach(i -> byId.putIfAbsent(i.id(), i));
        }
        if (incomingNow != null) {
            incomingNow.all().forEach(i -> byId.putIfAbsent(i.id(), i));
        }
        live.stream().sorted(Comparator.comparingLong((SupervisedInstance i) -> i.spec().sequence()).reversed())
                .forEach(i -> byId.putIfAbsent(i.id(), i));
        return List.copyOf(byId.values());
    }

    Optional<URI> webUrl() {
        Deployment deployment = latest;
        if (deployment == null || !deployment.processes().containsKey(ReleaseRun.WEB)) {
            return Optional.empty();
        }
        return parts.routePorts().existing(app.appId()).map(port -> URI.create("http://127.0.0.1:" + port));
    }

    // ---- changes (on the app's thread) ----

    private void deploy(Deployment d, ReleaseListener listener, long since) {
        log.event(AppLog.RUNTIME, "deploying v" + d.version());
        ReleaseRun run = null;
        try {
            if (!ArtifactStore.KIND.equals(d.sourceKind())) {
                throw ProviderException.invalid("source", "the local orchestrator runs .tar.gz artifacts, not " + d.sourceKind() + "s");
            }
            d.processes().values().forEach(spec -> ProcessSize.of(spec.size()));
            AppTree tree = parts.appTree().ready(); // each time: a chmod o+x by the operator counts at once
            run = new ReleaseRun(d, tree.release(app.appId(), d.version()));
            parts.unpacker().unpack(d.sourceRef(), tree, app.appId(), d.version());
            if (d.processes().containsKey(ReleaseRun.WEB)) {
                openRouter();
            }
            incoming = run;
            for (ProcessSpec spec : d.processes().values()) {
                for (int index = 1; index <= spec.replicas(); index++) {
                    run.add(startInstance(run, spec.type(), index));
                }
            }
            report(listener, d, ReleaseStatus.RUNNING, null);
            List<SupervisedInstance> gate = run.web().isEmpty() ? run.all() : run.web();
            Optional<String> failure = awaitUp(gate, run.all(), since);
            if (failure.isPresent()) {
                fail(d, listener, run, failure.get());
                return;
            }
            ReleaseRun previous = serving;
            serving = run;
            incoming = null;
            pool.replaceAll(run.web());
            log.event(AppLog.RUNTIME, "v" + d.version() + " is serving");
            report(listener, d, ReleaseStatus.SUCCEEDED, null);
            if (previous != null) {
                stopAll(previous.all(), true);
                if (!previous.dir().equals(run.dir())) {
                    FileTrees.deleteRecursively(previous.dir());
                }
            }
        } catch (ProviderException e) {
            fail(d, listener, run, e.getMessage());
        } catch (IOException e) {
            fail(d, listener, run, "could not unpack the artifact: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "deploy of v" + d.version() + " of " + app.appName() + " failed", e);
            fail(d, listener, run, "internal error: " + e);
        }
    }

    private void fail(Deployment d, ReleaseListener listener, ReleaseRun run, String reason) {
        if (run != null) {
            stopAll(run.all(), false);
            incoming = null;
            ReleaseRun current = serving;
            if (current == null || !current.dir().equals(run.dir())) {
                try {
                    FileTrees.deleteRecursively(run.dir());
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "could not remove " + run.dir() + ": " + e.getMessage());
                }
            }
        }
        log.event(AppLog.RUNTIME, "v" + d.version() + " failed: " + reason
                + (serving != null ? "; v" + serving.deployment().version() + " keeps serving" : ""));
        report(listener, d, ReleaseStatus.FAILED, reason);
    }

    private void rollingRestart(ReleaseRun run, Optional<String> type, long since) {
        log.event(AppLog.RUNTIME, "restarting " + type.map(t -> t + " processes").orElse("all processes"));
        for (SupervisedInstance old : run.all()) {
            if (epoch.get() != since || serving != run) {
                return;
            }
            String t = old.spec().type();
            if (type.isPresent() && !type.get().equals(t) || old.state() == SupervisedInstance.State.STOPPING
                    || old.state() == SupervisedInstance.State.DOWN) {
                continue;
            }
            SupervisedInstance fresh;
            try {
                fresh = startInstance(run, t, old.spec().index());
            } catch (RuntimeException e) {
                log.event(old.id(), "could not restart " + old.id() + ": " + e.getMessage());
                continue;
            }
            Optional<String> failure = awaitUp(List.of(fresh), List.of(fresh), since);
            if (failure.isPresent()) {
                stopAll(List.of(fresh), false);
                log.event(old.id(), "restart of " + old.id() + " failed: " + failure.get() + "; the old " + old.id() + " keeps running");
                continue;
            }
            run.replace(old, fresh);
            if (fresh.isWeb()) {
                pool.add(fresh);
                pool.remove(old);
            }
            stopAll(List.of(old), true);
        }
        log.event(AppLog.RUNTIME, "restart done");
    }

    private void applyScale(String type, int replicas) {
        ReleaseRun run = serving;
        if (run == null || !run.deployment().processes().containsKey(type)) {
            return;
        }
        run.setReplicas(type, replicas);
        List<SupervisedInstance> current = run.of(type);
        Set<Integer> used = new TreeSet<>();
        current.forEach(i -> used.add(i.spec().index()));
        for (int index = 1; index <= replicas; index++) {
            if (!used.contains(index)) {
                SupervisedInstance fresh = startInstance(run, type, index);
                run.add(fresh);
                if (fresh.isWeb()) {
                    pool.add(fresh);
                }
            }
        }
        List<SupervisedInstance> extra = current.stream().filter(i -> i.spec().index() > replicas).toList();
        for (SupervisedInstance instance : extra) {
            run.remove(instance);
            pool.remove(instance);
        }
        if (!extra.isEmpty()) {
            Thread.ofVirtual().name("scale-down-" + app.appName()).start(() -> stopAll(extra, true));
        }
        log.event(AppLog.RUNTIME, "scaled " + type + " to " + replicas);
    }

    private void stopApp() {
        ReleaseRun run = serving;
        serving = null;
        incoming = null;
        pool.replaceAll(List.of());
        stopAll(List.copyOf(live), true);
        endEscapedProcesses();
        closeRouter();
        if (run != null) {
            log.event(AppLog.RUNTIME, "stopped v" + run.deployment().version());
        }
    }

    // ---- building blocks ----

    private SupervisedInstance startInstance(ReleaseRun run, String type, int index) {
        Deployment d = run.deployment();
        ProcessSpec spec = d.processes().get(type);
        OptionalInt port = type.equals(ReleaseRun.WEB) ? OptionalInt.of(parts.processPorts().acquire()) : OptionalInt.empty();
        String slot = "v" + d.version() + "-" + type + "." + index + "-" + slots.incrementAndGet();
        InstanceSpec instanceSpec = new InstanceSpec(app, d.version(), type, index, slot, spec.command(), run.dir(),
                parts.appTree().tree().instanceDir(app.appId(), slot), d.env(), port, ProcessSize.of(spec.size()));
        SupervisedInstance instance = new SupervisedInstance(instanceSpec, parts.launcher(), log, parts.processTable(), parts.clock(),
                parts.settings().gracePeriod(), down -> {
                    live.remove(down);
                    port.ifPresent(parts.processPorts()::release);
                });
        synchronized (this) {
            if (closing) {
                port.ifPresent(parts.processPorts()::release);
                throw ProviderException.unavailable("the runtime is shutting down", null);
            }
            live.add(instance);
        }
        instance.start();
        return instance;
    }

    /**
     * Waits until every instance of {@code gate} is up. Empty when they are; else why not: one of
     * {@code watched} crashed too often, the health timeout passed, or the app was stopped.
     */
    private Optional<String> awaitUp(List<SupervisedInstance> gate, List<SupervisedInstance> watched, long since) {
        Duration timeout = parts.settings().healthTimeout();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            for (SupervisedInstance instance : watched) {
                if (instance.readiness(deadline) == SupervisedInstance.Readiness.CRASHING) {
                    return Optional.of(instance.describe(SupervisedInstance.Readiness.CRASHING, timeout));
                }
            }
            boolean allUp = true;
            for (SupervisedInstance instance : gate) {
                SupervisedInstance.Readiness readiness = instance.readiness(deadline);
                if (readiness == SupervisedInstance.Readiness.TIMEOUT || readiness == SupervisedInstance.Readiness.STOPPED) {
                    return Optional.of(instance.describe(readiness, timeout));
                }
                allUp &= readiness == SupervisedInstance.Readiness.UP;
            }
            if (allUp) {
                return Optional.empty();
            }
            if (epoch.get() != since) {
                return Optional.of("the app was stopped before its processes were up");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted while waiting for the processes to come up");
            }
        }
    }

    /** Stops {@code instances} in parallel; with {@code drain}, each once its requests in flight are done. */
    private void stopAll(List<SupervisedInstance> instances, boolean drain) {
        Instant drainDeadline = Instant.now().plus(parts.settings().gracePeriod());
        List<Runnable> stops = new ArrayList<>();
        for (SupervisedInstance instance : instances) {
            pool.remove(instance);
            stops.add(() -> {
                if (drain) {
                    BackendPool.awaitDrained(instance, drainDeadline);
                }
                instance.stop();
            });
        }
        Waiting.inParallel("stop-" + app.appName(), stops);
    }

    /** Ends processes of the app that left their instances' groups, which stopping the instances did not reach. */
    private void endEscapedProcesses() {
        int ended = parts.launcher().endAllProcesses(app.appId(), Instant.now().plusSeconds(10));
        if (ended > 0) {
            log.event(AppLog.RUNTIME, "ended " + ended + " process(es) that had left their instance's process group");
        }
    }

    private synchronized void openRouter() {
        ServedRequests served = parts.processTable().servedRequests(app.appId()); // what the local metrics count
        if (router == null) {
            router = new AppRouter(app.appName(), parts.routePorts().portFor(app.appId()), pool, served);
        }
        try {
            router.open();
        } catch (IOException taken) {
            // another program took the app's port while the app was down: serving on a new, saved
            // port beats not serving at all; the app's web_url shows the new address
            int newPort = parts.routePorts().reassign(app.appId());
            LOG.log(System.Logger.Level.WARNING, taken.getMessage() + "; app " + app.appName() + " moves to router port " + newPort);
            router = new AppRouter(app.appName(), newPort, pool, served);
            try {
                router.open();
            } catch (IOException e) {
                throw ProviderException.unavailable(e.getMessage(), e);
            }
        }
    }

    private synchronized void closeRouter() {
        if (router != null) {
            router.close();
        }
    }

    private ReleaseRun requireServing() {
        ReleaseRun run = serving;
        if (run == null) {
            throw ProviderException.conflict("app " + app.appName() + " has no running release; deploy it first");
        }
        return run;
    }

    private static void requireType(Deployment d, String type) {
        if (!d.processes().containsKey(type)) {
            throw ProviderException.invalid("type", "unknown process type '" + type + "'; the app has "
                    + new TreeSet<>(d.processes().keySet()));
        }
    }

    private void report(ReleaseListener listener, Deployment d, ReleaseStatus status, String reason) {
        try {
            listener.onStatus(d.releaseId(), status, Optional.ofNullable(reason));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "release listener failed on " + status + " of v" + d.version() + ": " + e.getMessage());
        }
    }

    private static void awaitQuietly(Future<?> change, Duration timeout) {
        try {
            change.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProviderException pe) {
                throw pe;
            }
            throw ProviderException.internal("change failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            // still in progress behind an earlier change; it will run
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
