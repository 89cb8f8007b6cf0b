package io.paasruntime.core.idempotency;

import io.paasruntime.core.errors.Conflict;
import io.paasruntime.core.errors.ValidationFailed;
import io.paasruntime.core.secrets.SecretCipher;
import io.paasruntime.core.support.Times;
import io.paasruntime.spi.store.IdempotentResponse;
import io.paasruntime.spi.store.StateStore;

import java.nio.charset.StandardCharsets;
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
 *
 * <p>What is stored gives nothing away: an answer may carry a secret (a login's token, an add-on's
 * {@code DATABASE_URL}, config vars), so its body is sealed with the runtime's key, bound to the scope
 * and key it answers; and the request's fingerprint, a plain hash of a body that may hold a password,
 * is stored only as a keyed digest, which cannot be checked against guessed passwords without the key.
 * Rows written before this (plain body and fingerprint) are still read, and expire within a day.
 */
public final class Idempotency {
    public static final Duration RETENTION = Duration.ofHours(24);
    private static final int MAX_KEY = 255;
    private static final String KEYED_FINGERPRINT = "hmac:v1:";

    private final StateStore store;
    private final Clock clock;
    private final SecretCipher cipher;
    private final ConcurrentHashMap<String, ReentrantLock> inFlight = new ConcurrentHashMap<>();

    public Idempotency(StateStore store, Clock clock, SecretCipher cipher) {
        this.store = store;
        this.clock = clock;
        this.cipher = cipher;
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
            String keyed = KEYED_FINGERPRINT + cipher.digest("idempotency-fingerprint",
                    fingerprint.getBytes(StandardCharsets.UTF_8));
            if (stored.isPresent()) {
                String was = stored.get().fingerprint();
                if (!was.equals(was.startsWith(KEYED_FINGERPRINT) ? keyed : fingerprint)) {
                    throw new Conflict("Idempotency-Key '" + key + "' was already used for a different request");
                }
                return new Answer(stored.get().status(), open(stored.get()), true);
            }
            Answer answer = handle.get();
            if (answer.status() < 500) {
                store.idempotency().insertIfAbsent(new IdempotentResponse(scope, key, keyed, answer.status(),
                        cipher.sealForStore(answer.body(), owner(scope, key)), Times.now(clock)));
            }
            return answer;
        } finally {
            lock.unlock();
            inFlight.remove(lockKey, lock);
        }
    }

    private String open(IdempotentResponse stored) {
        return cipher.openFromStore(stored.body(), owner(stored.scope(), stored.key()),
                "the stored answer to Idempotency-Key '" + stored.key() + "'");
    }

    /** Unlike a config var's or an add-on credential's, so no sealed value opens as another kind. */
    private static byte[] owner(String scope, String key) {
        return ("idempotent-response\u0000" + scope + "\u0000" + key).getBytes(StandardCharsets.UTF_8);
    }

    /** Forgets answers past retention; returns how many. */
    public int expire() {
        return store.idempotency().deleteOlderThan(Times.now(clock).minus(RETENTION));
    }
}
