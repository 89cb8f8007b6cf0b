package io.paasruntime.local.orchestration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The web instances an app's router may send requests to, balanced round-robin over those that
 * are up. Members change while requests flow: a new instance is added before an old one is
 * removed, and a removed one is stopped only once its requests in flight are done
 * ({@link #awaitDrained}). Thread-safe: readers see an immutable snapshot.
 */
final class BackendPool {
    private volatile List<SupervisedInstance> members = List.of();
    private final AtomicInteger cursor = new AtomicInteger();

    /** A request in flight on one instance; closing it ends the count. */
    static final class Lease implements AutoCloseable {
        private final SupervisedInstance instance;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Lease(SupervisedInstance instance) {
            this.instance = instance;
        }

        SupervisedInstance instance() {
            return instance;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                instance.inFlight().decrementAndGet();
            }
        }
    }

    synchronized void add(SupervisedInstance instance) {
        List<SupervisedInstance> next = new ArrayList<>(members);
        next.add(instance);
        members = List.copyOf(next);
    }

    synchronized void remove(SupervisedInstance instance) {
        List<SupervisedInstance> next = new ArrayList<>(members);
        next.remove(instance);
        members = List.copyOf(next);
    }

    synchronized void replaceAll(List<SupervisedInstance> instances) {
        members = List.copyOf(instances);
    }

    List<SupervisedInstance> members() {
        return members;
    }

    /**
     * Takes the next member that is up and not in {@code skip}, counting a request on it.
     * The count is taken before membership is checked again, so an instance being drained is
     * either seen as busy by {@link #awaitDrained} or not used at all.
     */
    Optional<Lease> acquire(Set<SupervisedInstance> skip) {
        List<SupervisedInstance> snapshot = members;
        int n = snapshot.size();
        int start = n == 0 ? 0 : Math.floorMod(cursor.getAndIncrement(), n);
        for (int k = 0; k < n; k++) {
            SupervisedInstance candidate = snapshot.get((start + k) % n);
            if (skip.contains(candidate) || !candidate.isUp()) {
                continue;
            }
            candidate.inFlight().incrementAndGet();
            if (members.contains(candidate)) {
                return Optional.of(new Lease(candidate));
            }
            candidate.inFlight().decrementAndGet();
        }
        return Optional.empty();
    }

    /** Waits until no request is in flight on {@code instance} (already removed from the pool), or {@code deadline}. */
    static boolean awaitDrained(SupervisedInstance instance, Instant deadline) {
        return Waiting.until(() -> instance.inFlight().get() == 0, deadline, 10);
    }
}
