package io.paasruntime.server.http;

import io.paasruntime.core.ratelimit.RateLimiter;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the server knows about one request beyond Helidon's request: its id and the rate-limit
 * decision, kept in the request context so that error answers carry the same headers as normal ones.
 */
public final class RequestState {
    /** Accepted incoming ids: short, printable, no spaces (they end up in logs and headers). */
    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private final String requestId;
    private volatile RateLimiter.Decision rateLimit;

    public RequestState(String requestId) {
        this.requestId = requestId;
    }

    /** Keeps a well-formed id the client sent (so its logs and ours line up), else makes a new one. */
    public static RequestState forIncoming(Optional<String> incomingId) {
        return new RequestState(incomingId.filter(id -> VALID_ID.matcher(id).matches()).orElseGet(RequestState::newId));
    }

    /** {@code req_} + time-ordered part + random part, in Crockford base32 (ULID-like). */
    public static String newId() {
        StringBuilder out = new StringBuilder("req_");
        long time = System.currentTimeMillis();
        for (int shift = 45; shift >= 0; shift -= 5) {
            out.append(ALPHABET[(int) (time >>> shift) & 31]);
        }
        // a request id is a correlation handle, not a secret: a fast non-cryptographic source is enough
        long random = java.util.concurrent.ThreadLocalRandom.current().nextLong();
        for (int i = 0; i < 12; i++) {
            out.append(ALPHABET[(int) (random >>> (i * 5)) & 31]);
        }
        return out.toString();
    }

    public String requestId() {
        return requestId;
    }

    public Optional<RateLimiter.Decision> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }

    void rateLimit(RateLimiter.Decision decision) {
        this.rateLimit = decision;
    }
}
