package io.paasruntime.core.support;

import java.util.UUID;

/** Runs tasks so that tasks with the same key run one at a time, in the order given. */
@FunctionalInterface
public interface KeyedExecutor {
    void execute(UUID key, Runnable task);

    /** Runs each task at once on the caller's thread (tests). */
    static KeyedExecutor direct() {
        return (key, task) -> task.run();
    }
}
