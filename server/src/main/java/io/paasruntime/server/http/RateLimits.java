package io.paasruntime.server.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import io.paasruntime.core.errors.RateLimited;
import io.paasruntime.core.ratelimit.RateLimiter;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The API's two request budgets: per token on authenticated routes, per source address on the
 * open ones (login, signup). A refusal is {@link RateLimited}; every limited answer, refused or
 * not, carries the {@code RateLimit-*} headers.
 */
public final class RateLimits {
    public static final HeaderName LIMIT = HeaderNames.create("RateLimit-Limit");
    public static final HeaderName REMAINING = HeaderNames.create("RateLimit-Remaining");
    public static final HeaderName RESET = HeaderNames.create("RateLimit-Reset");
    private static final Duration WINDOW = Duration.ofMinutes(1);
    /** Forget idle keys now and then, so a scan of many addresses cannot grow memory without bound. */
    private static final long EVICT_EVERY = 10_000;

    private final RateLimiter perToken;
    private final RateLimiter perAddress;
    private final AtomicLong calls = new AtomicLong();

    /** @param perTokenPerMinute and {@code perAddressPerMinute}: requests allowed in any rolling minute */
    public RateLimits(int perTokenPerMinute, int perAddressPerMinute, Clock clock) {
        this.perToken = new RateLimiter(perTokenPerMinute, WINDOW, clock);
        this.perAddress = new RateLimiter(perAddressPerMinute, WINDOW, clock);
    }

    /** Spends one request of the token's budget. @throws RateLimited when it is used up */
    public void chargeToken(String tokenId, RequestState state) {
        charge(perToken, "token:" + tokenId, state);
    }

    /** Spends one request of the source address's budget. @throws RateLimited when it is used up */
    public void chargeAddress(String address, RequestState state) {
        charge(perAddress, "addr:" + address, state);
    }

    private void charge(RateLimiter limiter, String key, RequestState state) {
        if (calls.incrementAndGet() % EVICT_EVERY == 0) {
            perToken.evictIdle();
            perAddress.evictIdle();
        }
        RateLimiter.Decision decision = limiter.acquire(key);
        state.rateLimit(decision);
        if (!decision.allowed()) {
            throw new RateLimited("too many requests: " + decision.limit() + " per minute allowed; retry in "
                    + decision.retryAfterSeconds() + "s", Duration.ofSeconds(decision.retryAfterSeconds()));
        }
    }

    /** Writes the {@code RateLimit-*} headers of a decision. */
    public static void writeHeaders(RateLimiter.Decision decision, ServerResponse res) {
        res.header(LIMIT, Integer.toString(decision.limit()));
        res.header(REMAINING, Integer.toString(decision.remaining()));
        res.header(RESET, Long.toString(decision.resetSeconds()));
    }
}
