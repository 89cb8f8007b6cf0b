package io.paasruntime.spi.store;

import java.time.Instant;
import java.util.Optional;

/** Remembered answers to POSTs with an {@code Idempotency-Key}. */
public interface IdempotencyRepository {
    Optional<IdempotentResponse> find(String scope, String key);

    /** Stores the answer unless one exists already for the scope and key; returns whether it stored. */
    boolean insertIfAbsent(IdempotentResponse response);

    /** Forgets answers older than {@code cutoff}; returns how many. */
    int deleteOlderThan(Instant cutoff);
}
