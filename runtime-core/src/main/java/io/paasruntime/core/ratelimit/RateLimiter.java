package io.paasruntime.core.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A rolling-window limiter: a key may make {@code limit} requests in any {@code window}. The window
 * is cut into 60 slots (one second each for a one-minute window); a key keeps one counter per slot,
 * so its memory is fixed (under 1 KiB) whatever the limit, and the window rolls slot by slot.
 *
 * <p>Thread-safe without locks: a slot is one atomic word holding its second and its count, so the
 * many concurrent requests of one token do not queue on a monitor. Under a burst of simultaneous
 * requests the count may pass the limit by at most the number of requests racing for the last
 * place. Idle keys are dropped by {@link #evictIdle()}.
 */
public final class RateLimiter {
    private static final int SLOTS = 60;
    private static final long COUNT_MASK = 0xFFFF_FFFFL;

    private final int limit;
    private final long windowMillis;
    private final long slotMillis;
    private final Clock clock;
    /** Slots count from the limiter's creation, so a slot number fits the 32 bits its word gives it. */
    private final long epochMillis;
    private final ConcurrentHashMap<String, Counters> keys = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.slotMillis = Math.max(1, windowMillis / SLOTS);
        this.clock = clock;
        this.epochMillis = clock.millis();
    }

    /** The answer for one request, with what the {@code RateLimit-*} headers say. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
    }

    public Decision acquire(String key) {
        long now = clock.millis();
        long slot = Math.max(0, now - epochMillis) / slotMillis;
        Counters counters = keys.computeIfAbsent(key, k -> new Counters());
        counters.lastSeen = now;
        long[] counts = new long[SLOTS];
        long used = snapshot(counters, slot, counts);
        boolean allowed = used < limit;
        if (allowed) {
            increment(counters, slot);
            counts[(int) (slot % SLOTS)]++;
            used++;
        }
        long reset = used == 0 ? 0 : ceilSeconds(expiry(oldestSlotWith(counts, slot, 1)) - now);
        // refused: wait until enough of the oldest requests leave for one more to fit
        long retryAfter = allowed ? 0 : Math.max(1, ceilSeconds(expiry(oldestSlotWith(counts, slot, used - limit + 1)) - now));
        return new Decision(allowed, limit, (int) Math.max(0, limit - used), reset, retryAfter);
    }

    /** Forgets keys that made no request for a whole window. */
    public void evictIdle() {
        long cutoff = clock.millis() - windowMillis;
        keys.entrySet().removeIf(e -> e.getValue().lastSeen < cutoff);
    }

    /** Copies the in-window count of every slot into {@code counts} (indexed like the slots); returns their sum. */
    private static long snapshot(Counters counters, long currentSlot, long[] counts) {
        long used = 0;
        for (int i = 0; i < SLOTS; i++) {
            long word = counters.slots.get(i);
            long slotOfWord = word >>> 32;
            if (word != 0 && slotOfWord > currentSlot - SLOTS && slotOfWord <= currentSlot) {
                counts[i] = word & COUNT_MASK;
                used += counts[i];
            }
        }
        return used;
    }

    private static void increment(Counters counters, long slot) {
        int index = (int) (slot % SLOTS);
        while (true) {
            long word = counters.slots.get(index);
            long next = (word >>> 32) == slot ? word + 1 : (slot << 32) | 1;
            if (counters.slots.compareAndSet(index, word, next)) {
                return;
            }
        }
    }

    /** The slot at which, counting from the oldest, {@code requests} requests have been made. */
    private static long oldestSlotWith(long[] counts, long currentSlot, long requests) {
        long seen = 0;
        for (long s = currentSlot - SLOTS + 1; s <= currentSlot; s++) {
            seen += counts[(int) Math.floorMod(s, (long) SLOTS)];
            if (seen >= requests) {
                return s;
            }
        }
        return currentSlot;
    }

    private long expiry(long slot) {
        return epochMillis + (slot + SLOTS) * slotMillis;
    }

    private static long ceilSeconds(long millis) {
        return (Math.max(0, millis) + 999) / 1000;
    }

    /** One word per slot: the slot number in the high 32 bits, its count in the low 32. */
    private static final class Counters {
        final AtomicLongArray slots = new AtomicLongArray(SLOTS);
        volatile long lastSeen;
    }
}
