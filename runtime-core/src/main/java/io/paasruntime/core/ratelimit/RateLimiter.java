package io.paasruntime.core.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A rolling-window limiter: a key may make {@code limit} requests in any {@code window}. The window
 * is cut into 60 slots (one second each for a one-minute window); a key keeps one counter per slot,
 * so its memory is fixed (under 1 KiB) whatever the limit, and the window rolls slot by slot.
 * Thread-safe; idle keys are dropped by {@link #evictIdle()}.
 */
public final class RateLimiter {
    private static final int SLOTS = 60;

    private final int limit;
    private final long windowMillis;
    private final long slotMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Counters> keys = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.slotMillis = Math.max(1, windowMillis / SLOTS);
        this.clock = clock;
    }

    /** The answer for one request, with what the {@code RateLimit-*} headers say. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
    }

    public Decision acquire(String key) {
        long now = clock.millis();
        long slot = now / slotMillis;
        Counters counters = keys.computeIfAbsent(key, k -> new Counters());
        synchronized (counters) {
            counters.lastSeen = now;
            int index = (int) (slot % SLOTS);
            if (counters.slots[index] != slot) {
                counters.slots[index] = slot;
                counters.counts[index] = 0;
            }
            long used = 0;
            for (int i = 0; i < SLOTS; i++) {
                if (inWindow(counters.slots[i], slot)) {
                    used += counters.counts[i];
                }
            }
            boolean allowed = used < limit;
            if (allowed) {
                counters.counts[index]++;
                used++;
            }
            long reset = used == 0 ? 0 : ceilSeconds(expiry(oldestSlotWith(counters, slot, 1)) - now);
            // refused: wait until enough of the oldest requests leave for one more to fit
            long retryAfter = allowed ? 0 : Math.max(1, ceilSeconds(expiry(oldestSlotWith(counters, slot, used - limit + 1)) - now));
            return new Decision(allowed, limit, (int) Math.max(0, limit - used), reset, retryAfter);
        }
    }

    /** Forgets keys that made no request for a whole window. */
    public void evictIdle() {
        long cutoff = clock.millis() - windowMillis;
        keys.entrySet().removeIf(e -> e.getValue().lastSeen < cutoff);
    }

    private static boolean inWindow(long slotOfCounter, long currentSlot) {
        return slotOfCounter > currentSlot - SLOTS && slotOfCounter <= currentSlot;
    }

    /** The slot at which, counting from the oldest, {@code requests} requests have been made. */
    private static long oldestSlotWith(Counters counters, long currentSlot, long requests) {
        long seen = 0;
        for (long s = currentSlot - SLOTS + 1; s <= currentSlot; s++) {
            int i = (int) (Math.floorMod(s, (long) SLOTS));
            if (counters.slots[i] == s) {
                seen += counters.counts[i];
                if (seen >= requests) {
                    return s;
                }
            }
        }
        return currentSlot;
    }

    private long expiry(long slot) {
        return (slot + SLOTS) * slotMillis;
    }

    private static long ceilSeconds(long millis) {
        return (Math.max(0, millis) + 999) / 1000;
    }

    private static final class Counters {
        final long[] slots = new long[SLOTS];
        final int[] counts = new int[SLOTS];
        long lastSeen;

        Counters() {
            java.util.Arrays.fill(slots, Long.MIN_VALUE);
        }
    }
}
