package io.paasruntime.local.orchestration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The two ways the orchestrator waits: for a condition until a deadline, and for tasks run side by side. */
final class Waiting {
    private Waiting() {
    }

    /** Polls {@code done} every {@code everyMillis} until it holds (true) or {@code deadline} passes (false). */
    static boolean until(BooleanSupplier done, Instant deadline, long everyMillis) {
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(everyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return done.getAsBoolean();
            }
        }
        return true;
    }

    /** Runs each task on its own virtual thread and returns when all have ended. */
    static void inParallel(String name, List<Runnable> tasks) {
        List<Thread> threads = new ArrayList<>();
        for (Runnable task : tasks) {
            threads.add(Thread.ofVirtual().name(name).start(task));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
