package io.paasruntime.core.support;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A {@link KeyedExecutor} over a few single-thread executors: a key always lands on the same one, so
 * its tasks keep their order, while a task that waits (e.g. for an app lock) holds up only its stripe.
 */
public final class StripedExecutor implements KeyedExecutor, AutoCloseable {
    private final ExecutorService[] stripes;

    public StripedExecutor(String name, int stripeCount) {
        stripes = new ExecutorService[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            String threadName = name + "-" + i;
            stripes[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
        }
    }

    @Override
    public void execute(UUID key, Runnable task) {
        stripes[Math.floorMod(key.hashCode(), stripes.length)].execute(task);
    }

    /** Lets queued tasks finish (up to a few seconds), then stops the threads. */
    @Override
    public void close() {
        for (ExecutorService stripe : stripes) {
            stripe.shutdown();
        }
        for (ExecutorService stripe : stripes) {
            try {
                stripe.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
