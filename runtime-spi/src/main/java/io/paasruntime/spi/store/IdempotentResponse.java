package io.paasruntime.spi.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The first answer to a POST that carried an {@code Idempotency-Key}.
 *
 * @param scope       who sent it (tenant and user, or a source address)
 * @param key         the header's value
 * @param fingerprint digest of method, path and body, to refuse a reused key with another request
 * @param status      HTTP status answered
 * @param body        response body answered
 */
public record IdempotentResponse(String scope, String key, String fingerprint, int status, String body,
                                 Instant createdAt) {
    public IdempotentResponse {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
