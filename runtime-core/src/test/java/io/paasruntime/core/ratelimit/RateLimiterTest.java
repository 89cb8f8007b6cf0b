package io.paasruntime.core.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void allowsTheLimitThenRefusesWithRetryAfter() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), clock);
        assertThat(limiter.acquire("t").remaining()).isEqualTo(2);
        assertThat(limiter.acquire("t").remaining()).isEqualTo(1);
        assertThat(limiter.acquire("t").remaining()).isZero();
        RateLimiter.Decision refused = limiter.acquire("t");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(60);
        assertThat(refused.limit()).isEqualTo(3);
    }

    @Test
    void theWindowRollsRequestByRequest() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(1), clock);
        limiter.acquire("t");
        clock.now = clock.now.plusSeconds(30);
        limiter.acquire("t");
        assertThat(limiter.acquire("t").allowed()).isFalse();
        clock.now = clock.now.plusSeconds(31);
        // the first request left the window; the second is still in it
        RateLimiter.Decision again = limiter.acquire("t");
        assertThat(again.allowed()).isTrue();
        assertThat(again.remaining()).isZero();
        assertThat(limiter.acquire("t").retryAfterSeconds()).isEqualTo(29);
    }

    @Test
    void concurrentRequestsOfOneKeyAreCountedWithoutLosingAny() throws Exception {
        RateLimiter limiter = new RateLimiter(5000, Duration.ofMinutes(1), new ManualClock());
        java.util.concurrent.atomic.AtomicInteger allowed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 1000; i++) {
                    if (limiter.acquire("token").allowed()) {
                        allowed.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        // 8000 tried: the limit holds, give or take the requests racing for the last places
        assertThat(allowed.get()).isBetween(5000, 5008);
        assertThat(limiter.acquire("token").allowed()).isFalse();
    }

    @Test
    void keysAreIndependent() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1), new ManualClock());
        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isFalse();
        assertThat(limiter.acquire("b").allowed()).isTrue();
    }

    @Test
    void countsTheRequestsStillInTheWindowWhenTheRingIsPartlyFull() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(1000, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 300; i++) {
            limiter.acquire("t");
        }
        clock.now = clock.now.plusSeconds(40);
        for (int i = 0; i < 200; i++) {
            limiter.acquire("t");
        }
        clock.now = clock.now.plusSeconds(21);
        // the first 300 left the window; 200 remain, plus this one
        RateLimiter.Decision decision = limiter.acquire("t");
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.remaining()).isEqualTo(1000 - 201);
        assertThat(decision.resetSeconds()).isEqualTo(39);
    }
}
