package io.paasruntime.core.idempotency;

import io.paasruntime.core.errors.Conflict;
import io.paasruntime.core.errors.ValidationFailed;
import io.paasruntime.core.support.Times;
import io.paasruntime.spi.store.IdempotentResponse;
import io.paasruntime.spi.store.StateStore;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Makes a POST with an {@code Idempotency-Key} happen once: the first answer is stored (for 24 hours)
 * and returned for every retry with the same key and the same request; the same key with another
 * request is a {@link Conflict}. Retries that arrive while the first is still running wait for it.
 */
public final class Idempotency {
    public static final Duration RETENTION = Duration.ofHours(24);
    private static final int MAX_KEY = 255;

    private final StateStore store;
    private final Clock clock;
    private final ConcurrentHashMap<String, ReentrantLock> inFlight = new ConcurrentHashMap<>();

    public Idempotency(StateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A stored or fresh answer. */
    public record Answer(int status, String body, boolean replayed) {
    }

    /**
     * @param scope       who is asking (tenant + user, or source address)
     * @param fingerprint digest of method, path and body
     * @param handle      produces the answer the first time; only answers below 500 are remembered
     */
    public Answer once(String scope, String key, String fingerprint, Supplier<Answer> handle) {
        if (key.isBlank() || key.length() > MAX_KEY) {
            throw ValidationFailed.of("Idempotency-Key", "must be 1-" + MAX_KEY + " characters");
        }
        String lockKey = scope + "\u0000" + key;
        ReentrantLock lock = inFlight.computeIfAbsent(lockKey, k -> new ReentrantLock());
        lock.lock();
        try {
            Optional<IdempotentResponse> stored = store.idempotency().find(scope, key)
                    .filter(r -> r.createdAt().isAfter(Times.now(clock).minus(RETENTION)));
            if (stored.isPresent()) {
                if (!stored.get().fingerprint().equals(fingerprint)) {
                    throw new Conflict("Idempotency-Key '" + key + "' was already used for a different request");
                }
                return new Answer(stored.get().status(), stored.get().body(), true);
            }
            Answer answer = handle.get();
            if (answer.status() < 500) {
                store.idempotency().insertIfAbsent(new IdempotentResponse(scope, key, fingerprint, answer.status(),
                        answer.body(), Times.now(clock)));
            }
            return answer;
        } finally {
            lock.unlock();
            inFlight.remove(lockKey, lock);
        }
    }

    /** Forgets answers past retention; returns how many. */
    public int expire() {
        return store.idempotency().deleteOlderThan(Times.now(clock).minus(RETENTION));
    }
}
