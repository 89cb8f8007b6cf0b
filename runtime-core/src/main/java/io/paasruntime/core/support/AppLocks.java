package io.paasruntime.core.support;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises changes to one app (deploys, scaling, config) within this runtime, so that release
 * numbers and formations change one step at a time. Different apps never wait for each other.
 */
public final class AppLocks {
    private final ConcurrentHashMap<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

    public <T> T withLock(UUID appId, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(appId, id -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
