package io.paasruntime.kubernetes;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises this orchestrator's writes to one app: the core's calls and the end of a rollout
 * (cleanup or undo) must not interleave. Different apps never wait for each other.
 */
final class PerAppLocks {
    private final ConcurrentHashMap<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

    <T> T withLock(UUID appId, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(appId, id -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    void run(UUID appId, Runnable work) {
        withLock(appId, () -> {
            work.run();
            return null;
        });
    }
}
