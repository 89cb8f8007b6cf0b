package io.paasruntime.server;

import io.paasruntime.tck.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Request budgets per token and per source address, with lowered limits and a clock the test moves. */
class RateLimitTest {
    static final int PER_TOKEN = 5;
    static final int PER_ADDRESS = 4;

    @TempDir
    static Path dataDir;
    static MutableClock clock = MutableClock.atNow();
    static TestServer api;

    @BeforeAll
    static void start() {
        api = TestServer.start(ServerOptions.forDataDir(dataDir, Map.of(
                "server.rate-limit.authenticated", Integer.toString(PER_TOKEN),
                "server.rate-limit.anonymous", Integer.toString(PER_ADDRESS))).withClock(clock));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aTokenGetsItsBudgetPerMinuteThen429WithRetryAfter() {
        clock.advance(Duration.ofMinutes(5)); // a fresh window for the address budget used by signup/login
        String token = api.signupAndLogin("limited@example.com", "limited-pw-1", "limited");
        for (int i = 1; i <= PER_TOKEN; i++) {
            TestServer.Response ok = api.get("/v1/apps", token);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Limit")).isEqualTo(Integer.toString(PER_TOKEN));
            assertThat(ok.header("RateLimit-Remaining")).isEqualTo(Integer.toString(PER_TOKEN - i));
            assertThat(Long.parseLong(ok.header("RateLimit-Reset"))).isBetween(1L, 60L);
        }
        TestServer.Response refused = api.get("/v1/apps", token).assertError(429, "rate_limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("RateLimit-Limit")).isEqualTo(Integer.toString(PER_TOKEN));

        clock.advance(Duration.ofSeconds(61));
        assertThat(api.get("/v1/apps", token).status()).as("a new minute, a new budget").isEqualTo(200);
    }

    @Test
    void openRoutesAreLimitedPerAddressButHealthzIsNot() {
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < PER_ADDRESS; i++) {
            TestServer.Response r = api.post("/v1/auth/login", null, "{\"email\":\"x@example.com\",\"password\":\"wrong-pw\"}");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("RateLimit-Remaining")).isEqualTo(Integer.toString(PER_ADDRESS - 1 - i));
        }
        TestServer.Response refused = api.post("/v1/signup", null,
                "{\"email\":\"y@example.com\",\"password\":\"whatever-pw\",\"tenant\":\"ytenant\"}").assertError(429, "rate_limited");
        assertThat(refused.header("Retry-After")).isNotNull();
        for (int i = 0; i < PER_ADDRESS * 3; i++) {
            assertThat(api.get("/v1/healthz", null).status()).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(5));
    }
}
