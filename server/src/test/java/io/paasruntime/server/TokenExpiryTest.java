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

/** A token stops working when it expires: the server runs on a clock the test moves. */
class TokenExpiryTest {
    @TempDir
    static Path dataDir;
    static MutableClock clock = MutableClock.atNow();
    static TestServer api;

    @BeforeAll
    static void start() {
        api = TestServer.start(ServerOptions.forDataDir(dataDir, Map.of("identity.token-ttl", "15m")).withClock(clock));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        String token = api.signupAndLogin("expiring@example.com", "expiring-pw", "expiring");
        assertThat(api.get("/v1/apps", token).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(14));
        assertThat(api.get("/v1/apps", token).status()).as("still valid before exp").isEqualTo(200);

        clock.advance(Duration.ofMinutes(2)); // past exp plus the verifier's clock-skew allowance
        TestServer.Response expired = api.get("/v1/apps", token).assertError(401, "unauthorized");
        assertThat(expired.json().at("/error/message").asText()).contains("expired");
        assertThat(expired.header("WWW-Authenticate")).isEqualTo("Bearer");

        String fresh = api.login("expiring@example.com", "expiring-pw");
        assertThat(api.get("/v1/apps", fresh).status()).isEqualTo(200);
    }
}
