package io.paasruntime.kubernetes;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.paasruntime.spi.store.ReleaseStatus;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows rollouts by polling their Deployments (polling rather than watching: it survives API
 * server restarts and needs no watch permission). At most one rollout per app is followed; a new
 * one supersedes it. When a rollout ends, under the app's lock, success deletes what the release no
 * longer has (process types, web routing) and failure restores {@link PreviousState}; then the
 * release's listener hears the outcome.
 *
 * <p>Threading: checks run on two scheduler threads; listeners are called on one notifier thread,
 * in order, never while a lock of this orchestrator is held.
 */
final class RolloutTracker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RolloutTracker.class.getName());

    private final Map<UUID, Rollout> active = new ConcurrentHashMap<>();
    private final PerAppLocks locks;
    private final Duration pollInterval;
    private final Duration timeout;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("k8s-rollouts"));
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(daemon("k8s-release-status"));

    RolloutTracker(PerAppLocks locks, Duration pollInterval, Duration timeout) {
        this.locks = locks;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    /** The app's unfinished rollout, if any. */
    Optional<Rollout> current(UUID appId) {
        return Optional.ofNullable(active.get(appId));
    }

    /** Follows {@code rollout}, ending the app's previous one with {@code SUPERSEDED}. Call under the app's lock. */
    void start(Rollout rollout) {
        Rollout previous = active.put(rollout.appId(), rollout);
        if (previous != null) {
            tell(previous, ReleaseStatus.SUPERSEDED, Optional.of("replaced by v" + rollout.version() + " before its rollout finished"));
        }
        tell(rollout, ReleaseStatus.RUNNING, Optional.empty());
        schedule(rollout, Duration.ZERO);
    }

    /** Stops following the app's rollout, telling its listener {@code status}. Call under the app's lock. */
    void cancel(UUID appId, ReleaseStatus status, String reason) {
        Rollout rollout = active.remove(appId);
        if (rollout != null) {
            tell(rollout, status, Optional.of(reason));
        }
    }

    Duration timeout() {
        return timeout;
    }

    private void schedule(Rollout rollout, Duration delay) {
        try {
            scheduler.schedule(() -> check(rollout), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            active.remove(rollout.appId(), rollout);
        }
    }

    private void check(Rollout rollout) {
        if (active.get(rollout.appId()) != rollout) {
            return;
        }
        boolean late = System.nanoTime() - rollout.deadlineNanos() > 0;
        try {
            List<Deployment> live = rollout.objects().deployments().stream()
                    .filter(d -> rollout.wanted().deployments().contains(d.getMetadata().getName())).toList();
            List<RolloutProgress> progress = live.stream().map(RolloutProgress::of).toList();
            Optional<String> failure = progress.stream().filter(p -> p.state() == RolloutProgress.State.FAILED)
                    .map(RolloutProgress::detail).findFirst()
                    .or(() -> RolloutProgress.stuckPod(rollout.objects().pods(rollout.releaseId())));
            if (failure.isPresent()) {
                finish(rollout, failure);
                return;
            }
            Optional<String> waiting = live.size() < rollout.wanted().deployments().size()
                    ? Optional.of("a Deployment of the release was deleted")
                    : progress.stream().filter(p -> p.state() != RolloutProgress.State.DONE).map(RolloutProgress::detail).findFirst();
            if (waiting.isEmpty()) {
                finish(rollout, Optional.empty());
            } else if (late) {
                finish(rollout, Optional.of("not available within " + timeout + " (" + waiting.get() + ")"));
            } else {
                schedule(rollout, pollInterval);
            }
        } catch (KubernetesClientException e) {
            LOG.log(Level.WARNING, "checking rollout of release " + rollout.releaseId() + " failed (HTTP " + e.getCode() + ")");
            if (late) {
                finish(rollout, Optional.of("not available within " + timeout + " (Kubernetes API "
                        + (e.getCode() > 0 ? "answered HTTP " + e.getCode() : "unreachable") + ")"));
            } else {
                schedule(rollout, pollInterval);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "checking rollout of release " + rollout.releaseId() + " failed", e);
            finish(rollout, Optional.of("internal error while following the rollout"));
        }
    }

    /** Ends a rollout: empty {@code failure} means it succeeded. */
    private void finish(Rollout rollout, Optional<String> failure) {
        boolean ended = locks.withLock(rollout.appId(), () -> {
            if (!active.remove(rollout.appId(), rollout)) {
                return false;
            }
            try {
                if (failure.isEmpty()) {
                    rollout.objects().deleteAllBut(rollout.wanted());
                } else {
                    rollout.before().restore(rollout.objects());
                }
            } catch (KubernetesClientException e) {
                LOG.log(Level.WARNING, "cleaning up after release " + rollout.releaseId() + " failed (HTTP " + e.getCode()
                        + "); left-over objects are removed by the next deploy");
            }
            return true;
        });
        if (ended) {
            tell(rollout, failure.isEmpty() ? ReleaseStatus.SUCCEEDED : ReleaseStatus.FAILED, failure);
        }
    }

    private void tell(Rollout rollout, ReleaseStatus status, Optional<String> reason) {
        try {
            notifier.execute(() -> {
                try {
                    rollout.listener().onStatus(rollout.releaseId(), status, reason);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "release listener failed for " + rollout.releaseId(), e);
                }
            });
        } catch (RejectedExecutionException closing) {
            LOG.fine("not reporting " + status + " of " + rollout.releaseId() + ": the orchestrator is closing");
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        notifier.shutdown();
        try {
            notifier.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        active.clear();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
