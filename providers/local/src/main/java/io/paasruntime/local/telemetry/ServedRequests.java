package io.paasruntime.local.telemetry;

import java.util.concurrent.atomic.LongAdder;

/**
 * The requests an app's router answered since it was created, a running count the metric sampler
 * turns into requests per sample (see {@link MetricSampler}). The router calls {@link #answered()}
 * on every response: a {@link LongAdder} of the app's own, so routers of different apps never
 * contend and one app's busy connections hardly do. Thread-safe.
 */
public final class ServedRequests {
    private final LongAdder count = new LongAdder();

    ServedRequests() {
    }

    /** One request answered: the head of its final response was sent to the client. */
    public void answered() {
        count.increment();
    }

    /** The running count; never decreases. */
    long total() {
        return count.sum();
    }
}
