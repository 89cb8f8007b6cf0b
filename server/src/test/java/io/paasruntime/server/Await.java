package io.paasruntime.server;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Polls a condition until it holds or a deadline passes: tests wait for states, never for fixed times. */
final class Await {
    private Await() {
    }

    /** A probe that answers null while the awaited state is not reached yet. */
    @FunctionalInterface
    interface Probe<T> {
        T get() throws Exception;
    }

    /** Polls {@code probe} every 100 ms until it answers non-null; fails naming {@code what} after {@code timeout}. */
    static <T> T until(Duration timeout, String what, Probe<T> probe) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            assertThat(Instant.now()).as("%s within %d s", what, timeout.toSeconds()).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
