package io.paasruntime.core.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exact rolling-window limiter: a key may make {@code limit} requests in any {@code window}.
 * Each key keeps the times of its last {@code limit} accepted requests in a ring; a request is
 * accepted when the oldest of them is older than the window. Thread-safe; idle keys are dropped by
 * {@link #evictIdle()}.
 */
public final class RateLimiter {
    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Ring> rings = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** The answer for one request, with what the {@code RateLimit-*} headers say. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
    }

    public Decision acquire(String key) {
        long now = clock.millis();
        Ring ring = rings.computeIfAbsent(key, k -> new Ring(limit));
        synchronized (ring) {
            ring.lastSeen = now;
            long oldest = ring.times[ring.next];
            boolean allowed = oldest == 0 || oldest <= now - windowMillis;
            if (allowed) {
                ring.times[ring.next] = now;
                ring.next = (ring.next + 1) % limit;
            }
            int firstInWindow = ring.firstAfter(now - windowMillis);
            int used = limit - firstInWindow;
            long reset = used == 0 ? 0 : ceilSeconds(ring.at(firstInWindow) + windowMillis - now);
            long retryAfter = allowed ? 0 : Math.max(1, ceilSeconds(ring.times[ring.next] + windowMillis - now));
            return new Decision(allowed, limit, Math.max(0, limit - used), reset, retryAfter);
        }
    }

    /** Forgets keys that made no request for a whole window. */
    public void evictIdle() {
        long cutoff = clock.millis() - windowMillis;
        rings.entrySet().removeIf(e -> e.getValue().lastSeen < cutoff);
    }

    private static long ceilSeconds(long millis) {
        return (Math.max(0, millis) + 999) / 1000;
    }

    private static final class Ring {
        final long[] times;
        int next;
        long lastSeen;

        Ring(int limit) {
            times = new long[limit];
            Arrays.fill(times, 0);
        }

        /** The i-th time from the oldest slot: unused slots (0) first, then accepted times in order. */
        long at(int i) {
            return times[(next + i) % times.length];
        }

        /**
         * The position of the first time after {@code cutoff}, by binary search over the ordered ring, so
         * a request costs O(log limit) even with the high limits a benchmark configures.
         */
        int firstAfter(long cutoff) {
            int low = 0;
            int high = times.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                long t = at(mid);
                if (t != 0 && t > cutoff) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return low;
        }
    }
}
