package io.paasruntime.core.errors;

import java.time.Duration;

/** API error {@code rate_limited}: too many requests; retry after {@link #retryAfter()}. */
public final class RateLimited extends RuntimeError {
    private final Duration retryAfter;

    public RateLimited(String message, Duration retryAfter) {
        super(message, null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public String code() {
        return "rate_limited";
    }
}
