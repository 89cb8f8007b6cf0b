package io.paasruntime.local.orchestration;

import java.time.Duration;

/**
 * How long a crashed instance waits before it is started again: 1 s, then doubling up to 60 s;
 * back to 1 s once a run lasted 60 s. Not thread-safe (one per instance).
 */
final class CrashBackoff {
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(60);
    static final Duration RESET_AFTER = Duration.ofSeconds(60);

    private Duration last;

    /** The delay after a crash that ended a run of {@code ranFor}. */
    Duration next(Duration ranFor) {
        if (last == null || ranFor.compareTo(RESET_AFTER) >= 0) {
            last = FIRST;
        } else {
            Duration doubled = last.multipliedBy(2);
            last = doubled.compareTo(MAX) > 0 ? MAX : doubled;
        }
        return last;
    }
}
